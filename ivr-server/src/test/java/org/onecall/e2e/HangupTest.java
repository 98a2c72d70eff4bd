package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.QueueBehaviour;
import org.onecall.emulator.Transcript;

/**
 * A caller may hang up at any moment. Whatever the step, the server stops talking to the dead
 * channel at once (at most one status probe, which Asterisk answers 511) and ends the call.
 */
class HangupTest {
    @TempDir
    static Path tmp;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(tmp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * Steps of a full call: greeting, language menu, invalid notice, language menu, main menu, trash
     * menu, connecting, queue, survey, thanks.
     */
    static final int STEPS = 10;

    static Stream<Arguments> everyStep() {
        return IntStream.rangeClosed(1, STEPS).boxed()
                .flatMap(n -> Stream.of(Arguments.of(n, "during"), Arguments.of(n, "after")));
    }

    @ParameterizedTest(name = "hang-up {1} step {0}")
    @MethodSource("everyStep")
    void hangupAtAnyStep_endsTheCall_withoutCommandsToTheDeadChannel(int step, String when) throws Exception {
        CallerScript caller = CallerScript.keys("7", "1", "1", "1", "5").queue(QueueBehaviour.ANSWERED);
        caller = when.equals("during") ? caller.hangupDuring(step) : caller.hangupAfter(step);

        Transcript t = server.call("311", caller);

        assertThat(t.outcome()).isEqualTo("caller-hung-up");
        List<String> afterHangup = t.wire().subList(t.wire().indexOf("<< HANGUP") + 1, t.wire().size());
        List<String> commands = afterHangup.stream().filter(l -> l.startsWith(">> ")).toList();
        // One probe (CHANNEL STATUS) or, after Queue(), one read Asterisk answers on a dead channel
        // (did an agent answer?); never a media command.
        assertThat(commands).as("commands sent after the caller hung up").hasSizeLessThanOrEqualTo(1)
                .allMatch(c -> c.equals(">> CHANNEL STATUS") || c.equals(">> GET FULL VARIABLE \"${ANSWEREDTIME}\""));
        assertThat(t.variables()).doesNotContainKey("ONECALL_STATUS");
    }

    @ParameterizedTest(name = "hang-up {1} step {0}")
    @MethodSource("everyStep")
    void afterAHangup_theServerHoldsNoCall(int step, String when) throws Exception {
        CallerScript caller = CallerScript.keys("7", "1", "1", "1", "5");
        server.call("311", when.equals("during") ? caller.hangupDuring(step) : caller.hangupAfter(step));
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (server.server.activeCalls() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.server.activeCalls()).isZero();
    }

    @org.junit.jupiter.api.Test
    void callerHangingUpInTheQueue_endsTheCallWithoutAHangupFromUs() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("1", "1", "1").queue(QueueBehaviour.CALLER_HANGS_UP));
        assertThat(t.outcome()).isEqualTo("caller-hung-up");
        assertThat(t.wire()).doesNotContain(">> HANGUP");
    }
}
