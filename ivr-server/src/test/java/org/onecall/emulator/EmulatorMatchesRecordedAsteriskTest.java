package org.onecall.emulator;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.onecall.emulator.QueueBehaviour.ANSWERED;
import static org.onecall.emulator.QueueBehaviour.CALLER_HANGS_UP;
import static org.onecall.emulator.QueueBehaviour.JOINEMPTY;
import static org.onecall.emulator.QueueBehaviour.TIMEOUT;
import static org.onecall.emulator.QueueBehaviour.UNKNOWN;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.onecall.TestFiles;

/**
 * Replays every recording of a real Asterisk 22.10.1 against the emulator: a listener sends the recorded
 * ">>" lines in order, and every "<<" line the emulator sends must equal the recorded one, header included.
 * Only what depends on the machine or on real elapsed time is blanked (see {@link TraceNormaliser}).
 */
class EmulatorMatchesRecordedAsteriskTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** The caller (and the world around the call) each recording was made with; see README.txt there. */
    private static final Map<String, CallerScript> CALLERS = Map.ofEntries(
            entry("ivr.txt", CallerScript.keys("1", "42#")),
            entry("record.txt", CallerScript.silent()),
            entry("timeouts.txt", CallerScript.silent()
                    .missing("no-such-file")
                    .promptLength("hello-world", 11_234)),
            entry("hangup-stream.txt", CallerScript.silent().hangupDuring(1)),
            entry("hangup-queue.txt", CallerScript.silent().queue(CALLER_HANGS_UP)),
            entry("hangup-getdata.txt", CallerScript.silent().hangupDuring(1)),
            entry("queue-continue.txt", CallerScript.silent().queue(ANSWERED, TIMEOUT)),
            entry("edge-getdata.txt", CallerScript.keys("7", "12#").missing("no-such-prompt")),
            entry("hangup-timing.txt", CallerScript.silent().hangupAfter(0)),
            entry("queue-answered-close.txt", CallerScript.silent()),
            entry("queue-answered-hangup.txt", CallerScript.silent()),
            // This recording session ran its queues with setinterfacevar=yes, the earlier one did not.
            entry("queue-outcomes.txt", CallerScript.silent()
                    .queue(UNKNOWN, JOINEMPTY, TIMEOUT, ANSWERED)
                    .readyAgents("emptyq", 0)
                    .readyAgents("nosuchq", 0)
                    .memberInterface("Local/agent1@agents/n")));

    @TestFactory
    Stream<DynamicTest> everyRecording_replayedAgainstTheEmulator_getsTheRecordedAnswers() throws IOException {
        List<Path> files = TestFiles.asteriskTraces();
        assertThat(files).as("recordings in " + TestFiles.ASTERISK_TRACES).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(f)));
    }

    private static void replay(Path file) throws Exception {
        TraceFile trace = TraceFile.read(file);
        CallerScript caller = CALLERS.get(trace.name());
        if (caller == null) {
            fail("no CallerScript for " + trace.name() + ": add what its caller did (README.txt) to CALLERS");
        }
        CallSetup setup = setupFrom(trace.header()).withCaller(caller);

        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> played = CompletableFuture.runAsync(() -> playRecordedListener(listener, trace));
            AsteriskEmulator emulator = new AsteriskEmulator(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), PATIENCE);
            Transcript transcript = emulator.call(setup);
            played.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            assertThat(normalised(sentBy("<< ", transcript.wire()), trace, true))
                    .as("what the emulator recorded as sent, in its transcript")
                    .containsExactlyElementsOf(normalised(recordedFromAsterisk(trace), trace, false));
            assertThat(sentBy(">> ", transcript.wire()))
                    .as("what the emulator recorded as received")
                    .containsExactlyElementsOf(recordedFromListener(trace));
            trace.agiStatus().ifPresent(status ->
                    assertThat(transcript.agiStatus()).as("AGISTATUS the dialplan saw").isEqualTo(status));
            trace.queueStatusAfter().ifPresent(status ->
                    assertThat(transcript.variables().getOrDefault("QUEUESTATUS", ""))
                            .as("QUEUESTATUS the dialplan saw").isEqualTo(status));
        }
    }

    /** The listener side: sends the recorded ">>" lines and checks each "<<" line as it arrives. */
    private static void playRecordedListener(ServerSocket listener, TraceFile trace) {
        TraceNormaliser recorded = new TraceNormaliser();
        TraceNormaliser emulated = new TraceNormaliser();
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            String lastCommand = "";
            int n = 0;
            for (TraceFile.Entry entry : trace.entries()) {
                switch (entry) {
                    case TraceFile.Entry.FromAsterisk(String expected) -> {
                        n++;
                        String actual = in.readLine();
                        assertThat(actual).as("%s: Asterisk line %d (after \"%s\") never came", trace.name(), n, lastCommand)
                                .isNotNull();
                        assertThat(emulated.normalise(actual, lastCommand))
                                .as("%s: Asterisk line %d, after \"%s\"", trace.name(), n, lastCommand)
                                .isEqualTo(recorded.normalise(expected, lastCommand));
                    }
                    case TraceFile.Entry.FromListener(String command) -> {
                        out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        lastCommand = command;
                    }
                    case TraceFile.Entry.HalfClose() -> socket.shutdownOutput();
                    case TraceFile.Entry.EndOfStream() -> assertThat(in.readLine())
                            .as("%s: Asterisk closes the connection here", trace.name()).isNull();
                    case TraceFile.Entry.Dialplan(String ignored) -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError(trace.name() + ": listener failed: " + e, e);
        }
    }

    private static CallSetup setupFrom(Map<String, String> header) {
        List<String> args = new ArrayList<>();
        for (int i = 1; header.containsKey("agi_arg_" + i); i++) {
            args.add(header.get("agi_arg_" + i));
        }
        return CallSetup.to(header.get("agi_extension"))
                .withScript(header.getOrDefault("agi_network_script", ""))
                .withChannel(header.get("agi_channel"))
                .withUniqueId(header.get("agi_uniqueid"))
                .withLanguage(header.get("agi_language"))
                .withFrom(header.get("agi_callerid"))
                .withCallerName(header.get("agi_calleridname"))
                .withArgs(args)
                .withDialplan(new Dialplan(header.get("agi_context"), Integer.parseInt(header.get("agi_priority")),
                        header.get("agi_accountcode")));
    }

    private static List<String> recordedFromAsterisk(TraceFile trace) {
        return trace.entries().stream()
                .flatMap(e -> e instanceof TraceFile.Entry.FromAsterisk(String l) ? Stream.of(l) : Stream.empty())
                .toList();
    }

    private static List<String> recordedFromListener(TraceFile trace) {
        return trace.entries().stream()
                .flatMap(e -> e instanceof TraceFile.Entry.FromListener(String l) ? Stream.of(l) : Stream.empty())
                .toList();
    }

    private static List<String> sentBy(String prefix, List<String> wire) {
        return wire.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    /**
     * Normalises Asterisk's lines in order, pairing each with the listener command it followed in the
     * recording (async HANGUP lines match no reply pattern, so their pairing does not matter).
     */
    private static List<String> normalised(List<String> asteriskLines, TraceFile trace, boolean emulator) {
        TraceNormaliser normaliser = new TraceNormaliser();
        List<String> commandBefore = new ArrayList<>();
        String last = "";
        for (TraceFile.Entry e : trace.entries()) {
            if (e instanceof TraceFile.Entry.FromListener(String l)) {
                last = l;
            } else if (e instanceof TraceFile.Entry.FromAsterisk) {
                commandBefore.add(last);
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < asteriskLines.size(); i++) {
            String command = i < commandBefore.size() ? commandBefore.get(i) : "";
            out.add(normaliser.normalise(asteriskLines.get(i), command));
        }
        return out;
    }
}
