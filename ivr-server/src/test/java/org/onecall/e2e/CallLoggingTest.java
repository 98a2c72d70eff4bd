package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.QueueGate;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** An operator greps the log for a call id and sees the whole call, and only that call. */
class CallLoggingTest {
    @TempDir
    Path tmp;
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
    }

    @Test
    void everyLogLineOfACall_carriesItsCallId_andTellsTheRouteOnce() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            server.call(CallSetup.to("311").withUniqueId("1795549999.42").withCaller(CallerScript.keys("7", "2", "1", "1")));
            server.call(CallSetup.to("311").withUniqueId("1795549999.43").withCaller(CallerScript.keys("1").hangupDuring(3)));
        }
        List<ILoggingEvent> callLines = appender.list.stream()
                .filter(e -> e.getThreadName().startsWith("call-") || e.getThreadName().startsWith("agi-reader-"))
                .toList();
        assertThat(callLines).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getMDCPropertyMap().get("call")).as(e.getFormattedMessage())
                        .isIn("1795549999.42", "1795549999.43"));
        List<String> first = callLines.stream().filter(e -> e.getMDCPropertyMap().get("call").equals("1795549999.42"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(first).anySatisfy(m -> assertThat(m).isEqualTo("menu language: key 7 is not a choice (try 1 of 3)"));
        assertThat(first).anySatisfy(m -> assertThat(m).isEqualTo("menu trash: key 1 -> topic:missed-pickup"));
        assertThat(first.stream().filter(m -> m.startsWith("route: queue metro-311-sanitation"))).hasSize(1);
        assertThat(first).anySatisfy(m -> assertThat(m).startsWith("call ended: ANSWERED"));
        List<String> second = callLines.stream().filter(e -> e.getMDCPropertyMap().get("call").equals("1795549999.43"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(second).anySatisfy(m -> assertThat(m).startsWith("call ended: HUNG_UP_IN_MENU"));
    }

    @Test
    void refusedCall_logsItsRefusalUnderItsCallId() throws Exception {
        QueueGate gate = new QueueGate();
        try (TestServer server = TestServer.start(tmp, "agi.max-calls=1")) {
            CompletableFuture<?> held = CompletableFuture.runAsync(() -> {
                try {
                    server.call(CallSetup.to("311").withUniqueId("1795549999.50")
                            .withCaller(TestServer.ORDINARY.waitIn(gate)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(gate.awaitWaiting(1, Duration.ofSeconds(20))).isTrue();
            server.call(CallSetup.to("311").withUniqueId("1795549999.51").withCaller(TestServer.ORDINARY));
            gate.release();
            held.get();
        }
        assertThat(appender.list).filteredOn(e -> e.getFormattedMessage().contains(" refused: "))
                .singleElement()
                .satisfies(e -> assertThat(e.getMDCPropertyMap()).containsEntry("call", "1795549999.51"));
    }
}
