package org.onecall.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One FastAGI connection, played like Asterisk's {@code run_agi} loop: send the header, then read a
 * command, reply, and announce a hang-up with a {@code HANGUP} line as soon as it happens, until the server
 * closes the connection. Confined to the calling thread.
 */
final class CallSession {
    private static final String DEAD_CHANNEL = "511 Command Not Permitted on a dead channel or intercept routine";
    private static final String UNKNOWN_COMMAND = "510 Invalid or unknown command";

    private final CallSetup setup;
    private final InetSocketAddress server;
    private final LineReader reader;
    private final OutputStream out;
    private final CallContext call;
    private final Interpreter interpreter;
    private final List<String> wire = new ArrayList<>();
    private AgiStatus status = AgiStatus.SUCCESS;
    private Optional<String> writeFailure = Optional.empty();

    CallSession(Socket socket, CallSetup setup, InetSocketAddress server, long deadlineNanos, AstDb db)
            throws IOException {
        this.setup = setup;
        this.server = server;
        this.reader = new LineReader(socket, deadlineNanos);
        this.out = socket.getOutputStream();
        this.call = new CallContext(setup, db);
        this.interpreter = new Interpreter(call);
    }

    Transcript run() {
        send(AgiHeader.lines(setup, server));
        Outcome outcome = converse();
        return new Transcript(call.log.prompts(), call.log.inputs(), call.log.route(), call.channel.variables(),
                outcome.word(), status.name(), call.log.events(), wire);
    }

    private Outcome converse() {
        while (writeFailure.isEmpty()) {
            switch (reader.next()) {
                case LineReader.Read.Line line when startsWithFailure(line.text()) -> {
                    wire.add(">> " + line.text());
                    status = status.afterFailure();
                    return finish("the server sent \"" + line.text() + "\": Asterisk ends the AGI with FAILURE");
                }
                case LineReader.Read.Line line -> handle(line.text(), line.cut());
                case LineReader.Read.EndOfStream end -> {
                    return finish("the server closed the connection");
                }
                case LineReader.Read.TimedOut timedOut -> {
                    return ended(Outcome.TIMEOUT, "the server did not finish the call in time: giving up");
                }
                case LineReader.Read.TooLong tooLong -> {
                    return ended(Outcome.LINE_TOO_LONG,
                            "the server sent over " + LineReader.MAX_LINE_BYTES + " bytes without a line feed: giving up");
                }
                case LineReader.Read.Broken broken -> {
                    return ended(byHangup(), "the connection broke: " + broken.reason());
                }
            }
        }
        return ended(byHangup(), "could not write to the server: " + writeFailure.get());
    }

    /**
     * The script is over: Asterisk sends one more HANGUP whatever happened before, then closes. A line
     * starting with "failure" ends the script too, as if a local AGI program could not start.
     */
    private Outcome finish(String detail) {
        send(List.of("HANGUP"));
        return ended(byHangup(), detail);
    }

    private Outcome ended(Outcome outcome, String detail) {
        call.log.add(new Event.Ended(outcome.word(), detail));
        return outcome;
    }

    private Outcome byHangup() {
        return call.channel.hungUpBy()
                .map(who -> switch (who) {
                    case CALLER -> Outcome.CALLER_HUNG_UP;
                    case SERVER -> Outcome.SERVER_HUNG_UP;
                })
                .orElse(Outcome.SERVER_CLOSED);
    }

    /** run_agi's special case for a local AGI program that could not start; it applies to FastAGI too. */
    private static boolean startsWithFailure(String line) {
        return line.regionMatches(true, 0, "failure", 0, 7);
    }

    private void handle(String line, boolean cut) {
        wire.add(">> " + line);
        notice(line, cut);
        List<String> reply = new ArrayList<>();
        List<String> argv = AgiArgs.parse(line);
        Optional<AgiCommand> known = AgiCommand.find(argv);
        int stepBefore = call.caller.step();
        if (known.isEmpty()) {
            reply.add(UNKNOWN_COMMAND);
            call.log.add(new Event.Refused(line, UNKNOWN_COMMAND));
        } else if (call.channel.isDead() && !known.get().allowedOnDeadChannel()) {
            reply.add(DEAD_CHANNEL);
            call.log.add(new Event.Refused(line, DEAD_CHANNEL));
        } else {
            reply.addAll(run(known.get(), argv, line));
        }
        if (call.channel.isUp() && call.caller.hangsUpAfter(call.caller.step() > stepBefore)) {
            call.callerHangsUp(Hangup.Moment.AFTER);
        }
        if (call.channel.takeHangupToAnnounce()) {
            reply.add("HANGUP");
            status = status.afterHangup();
        }
        send(reply);
    }

    private List<String> run(AgiCommand command, List<String> argv, String line) {
        boolean wasDead = call.channel.isDead();
        Reply reply = interpreter.execute(command, argv);
        return switch (reply.status()) {
            case SUCCESS -> reply.lines();
            case FAILURE -> {
                // A failure counts only when the channel is still up: a prompt cut short by the caller's
                // hang-up fails too, and Asterisk does not call that a FAILURE.
                if (wasDead || call.channel.isUp()) {
                    status = status.afterFailure();
                }
                yield reply.lines();
            }
            case SHOW_USAGE -> {
                call.log.add(new Event.Refused(line, "520 usage"));
                List<String> usage = new ArrayList<>();
                usage.add("520-Invalid command syntax.  Proper usage follows:");
                usage.addAll(command.usage().lines().toList());
                usage.add("520 End of proper usage.");
                yield usage;
            }
        };
    }

    private void notice(String line, boolean cut) {
        if (cut) {
            call.log.add(new Event.Note("a command longer than " + LineReader.ASTERISK_LINE_BYTES
                    + " bytes: Asterisk cuts it there and reads the rest as the next command"));
        }
        if (line.endsWith("\r")) {
            call.log.add(new Event.Note("the line ends with \\r\\n: Asterisk strips only the \\n"));
        }
    }

    private void send(List<String> lines) {
        if (lines.isEmpty() || writeFailure.isPresent()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (String l : lines) {
            wire.add("<< " + l);
            text.append(l).append('\n');
        }
        try {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            writeFailure = Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
