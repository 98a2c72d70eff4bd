package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.Event;
import org.onecall.emulator.Transcript;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * An administrator may hang up at any moment of the entry: signing in, the list, a switch, a
 * recording. Whatever the step, the server stops talking to the dead channel and ends the call.
 */
class PhoneAdminHangupTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    /** Sign in, announcement 2 (its message plays out), 9: record, 1: keep; then silence until goodbye. */
    static CallerScript fullSession() {
        return CallerScript.keys("1001#", "4321#", "2#", "", "9", "1");
    }

    /**
     * Steps of that session: id, PIN, the list (3 x announcement, number, state), choose, the
     * message, actions, record prompt, RECORD FILE, "you recorded", the take, keep, done,
     * announcement, number, state, the list again, three silent chooses with two notices, goodbye.
     */
    static final int STEPS = 38;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(tmp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    static Stream<Arguments> everyStep() {
        return IntStream.rangeClosed(1, STEPS).boxed()
                .flatMap(n -> Stream.of(Arguments.of(n, "during"), Arguments.of(n, "after")));
    }

    private static Transcript call(CallerScript caller, String uniqueId) throws Exception {
        return server.call(CallSetup.to("2125550399").withFrom("2125550100").withUniqueId(uniqueId).withCaller(caller));
    }

    @Test
    void fullSession_takesTheStepsCounted_andEndsWithTheServersHangup() throws Exception {
        Transcript t = call(fullSession(), "1795570000.1");

        int steps = t.events().stream().mapToInt(e -> switch (e) {
            case Event.Heard h -> h.step();
            case Event.Entered x -> x.step();
            case Event.Said x -> x.step();
            case Event.Recorded x -> x.step();
            default -> 0;
        }).max().orElse(0);
        assertThat(steps).isEqualTo(STEPS);
        assertThat(t.outcome()).isEqualTo("server-hung-up");
        assertThat(t.prompts()).last().isEqualTo("onecall/goodbye");
    }

    @ParameterizedTest(name = "hang-up {1} step {0}")
    @MethodSource("everyStep")
    void hangupAtAnyStep_endsTheEntry_withoutCommandsToTheDeadChannel(int step, String when) throws Exception {
        String id = "1795570001." + step + (when.equals("during") ? "1" : "2");
        CallerScript caller = when.equals("during") ? fullSession().hangupDuring(step) : fullSession().hangupAfter(step);

        Transcript t = call(caller, id);

        assertThat(t.outcome()).isEqualTo("caller-hung-up");
        List<String> afterHangup = t.wire().subList(t.wire().indexOf("<< HANGUP") + 1, t.wire().size());
        assertThat(afterHangup.stream().filter(l -> l.startsWith(">> ")).toList())
                .as("commands sent after the caller hung up").hasSizeLessThanOrEqualTo(1)
                .allMatch(c -> c.equals(">> CHANNEL STATUS"));
        assertThat(t.variables()).doesNotContainKey("ONECALL_STATUS");

        long deadline = System.nanoTime() + 2_000_000_000L;
        while (server.server.activeCalls() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.server.activeCalls()).isZero();
        List<ILoggingEvent> lines = logs.list.stream().filter(e -> id.equals(e.getMDCPropertyMap().get("call"))).toList();
        assertThat(lines).extracting(ILoggingEvent::getFormattedMessage)
                .contains("administrators' call ended: hung up");
        assertThat(lines).noneMatch(e -> e.getLevel() == Level.ERROR);
    }
}
