package org.onecall.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.onecall.emulator.AsteriskEmulator;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.QueueBehaviour;
import org.onecall.emulator.ServerUnreachableException;
import org.onecall.emulator.Transcript;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code onecall call}: places a test call to a OneCall server through the Asterisk 22 emulator and prints
 * what the caller heard and where the call went.
 */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = {
            "Place a test call to a OneCall server as Asterisk 22 would, with a scripted caller.",
            "Prints what the caller heard and entered, the route and how the call ended.",
            "Example: onecall call --to 311 --keys 2,1 --queue-result timeout"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the call ran (whatever its outcome)", "1:the call broke off", "2:no server answers, or bad options"})
public final class CallCommand implements Callable<Integer> {
    static final int RAN = 0;
    static final int BROKE_OFF = 1;
    static final int NO_SERVER = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:4573",
            description = "The FastAGI server to call (default: ${DEFAULT-VALUE}).")
    String server;

    @Option(names = "--to", required = true, paramLabel = "NUMBER", description = "The number dialed, e.g. 311.")
    String to;

    @Option(names = "--from", paramLabel = "NUMBER", defaultValue = CallSetup.UNKNOWN,
            description = "The caller's number (default: no caller id).")
    String from;

    @Option(names = "--script", paramLabel = "PATH",
            description = "The AGI script after host:port, e.g. ivr?lang=en (default: the --to number).")
    String script;

    @ArgGroup(exclusive = true)
    KeysChoice keysChoice = new KeysChoice();

    static final class KeysChoice {
        @Option(names = "--keys", paramLabel = "KEYS",
                description = "What the caller presses at each prompt that listens, comma-separated; "
                        + "an empty entry presses nothing: 2,,1 or 42#.")
        String keys;

        @Option(names = "--silent", description = "The caller presses nothing (the default).")
        boolean silent;
    }

    @ArgGroup(exclusive = true)
    HangupChoice hangupChoice = new HangupChoice();

    static final class HangupChoice {
        @Option(names = "--hangup-after", paramLabel = "STEP",
                description = "The caller hangs up after this step (media command, from 1); 0 = right after the first command.")
        Integer after;

        @Option(names = "--hangup-during", paramLabel = "STEP", description = "The caller hangs up during this step.")
        Integer during;
    }

    @Option(names = "--queue-result", paramLabel = "RESULT",
            description = "What each EXEC Queue does, comma-separated, the last repeats: answered, caller-hangs-up "
                    + "(while talking to the agent), timeout, full, joinempty, leaveempty, joinunavail, leaveunavail, "
                    + "unknown (default: answered). A caller who gives up while waiting: --hangup-during at the "
                    + "queue's step.")
    String queueResults;

    @Option(names = "--ready", paramLabel = "N", defaultValue = "1", description = "Ready agents in each queue (default: ${DEFAULT-VALUE}).")
    int ready;

    @Option(names = "--waiting", paramLabel = "N", defaultValue = "0", description = "Callers already waiting in each queue (default: ${DEFAULT-VALUE}).")
    int waiting;

    @Option(names = "--missing-prompt", paramLabel = "NAME", description = "A sound file Asterisk does not have (repeatable).")
    List<String> missingPrompts = new ArrayList<>();

    @Option(names = "--language", paramLabel = "LANG", defaultValue = "en", description = "The channel language (default: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--json", description = "Print one JSON object instead of the transcript.")
    boolean json;

    @Option(names = "--wire", description = "Also print every line exchanged (in the JSON as \"wire\").")
    boolean wire;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "Give up when the server has not finished the call by then: 60s, 500ms, 2m, PT1M or seconds (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InetSocketAddress address = address(server);
        CallSetup setup;
        try {
            setup = setup();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        AsteriskEmulator emulator = new AsteriskEmulator(address, duration(timeout));
        Transcript transcript;
        try {
            transcript = emulator.call(setup);
        } catch (ServerUnreachableException e) {
            err.println("no OneCall server answers at " + e.address() + " (" + e.reason()
                    + "); start one with ./onecall serve");
            err.flush();
            return NO_SERVER;
        } catch (IOException e) {
            err.println("the call to " + server + " broke off: " + e.getMessage());
            err.flush();
            return BROKE_OFF;
        }
        if (json) {
            out.println(transcript.toJson(wire));
        } else {
            if (wire) {
                transcript.wire().forEach(out::println);
                out.println();
            }
            out.print(transcript.toText());
        }
        out.flush();
        return RAN;
    }

    private CallSetup setup() {
        CallerScript caller = CallerScript.keys(keys().toArray(String[]::new))
                .readyAgents(ready)
                .waitingCallers(waiting)
                .missing(missingPrompts.toArray(String[]::new));
        if (queueResults != null) {
            caller = caller.queue(queueBehaviours(queueResults));
        }
        if (hangupChoice.after != null) {
            caller = caller.hangupAfter(hangupChoice.after);
        }
        if (hangupChoice.during != null) {
            caller = caller.hangupDuring(hangupChoice.during);
        }
        CallSetup setup = CallSetup.to(to).withFrom(from).withLanguage(language).withCaller(caller);
        return script == null ? setup : setup.withScript(script);
    }

    private List<String> keys() {
        if (keysChoice.keys == null) {
            return List.of();
        }
        // -1 keeps trailing empty entries: "2," is "press 2, then nothing at the next prompt".
        return Arrays.asList(keysChoice.keys.split(",", -1));
    }

    private QueueBehaviour[] queueBehaviours(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .map(word -> {
                    try {
                        return QueueBehaviour.valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
                    } catch (IllegalArgumentException e) {
                        throw new ParameterException(spec.commandLine(), "--queue-result: '" + word
                                + "' is not one of " + Arrays.stream(QueueBehaviour.values())
                                .map(b -> b.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
                    }
                })
                .toArray(QueueBehaviour[]::new);
    }

    private InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new ParameterException(spec.commandLine(), "--server: '" + hostPort + "' is not HOST:PORT, e.g. 127.0.0.1:4573");
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            // An unknown host stays unresolved here and is reported as "no server answers".
            return new InetSocketAddress(hostPort.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--server: the port in '" + hostPort + "' must be 1-65535");
        }
    }

    private Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(t));
            }
            if (t.matches("\\d+ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.matches("\\d+[smh]")) {
                return Duration.parse("PT" + t.toUpperCase(Locale.ROOT));
            }
            Duration d = Duration.parse(text.strip());
            if (d.isNegative() || d.isZero()) {
                throw new DateTimeParseException("not positive", text, 0);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--timeout: '" + text + "' is not a duration like 60s, 500ms, 2m or PT1M");
        }
    }
}
