package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.QueueBehaviour;
import org.onecall.emulator.QueueGate;
import org.onecall.emulator.Route;
import org.onecall.emulator.ServerUnreachableException;
import org.onecall.emulator.Transcript;

/** Many callers at once, the ceiling, and stopping the server while calls are in progress. */
class ConcurrencyTest {
    @TempDir
    Path tmp;

    private static List<Future<Transcript>> place(ExecutorService pool, TestServer server, int n, CallerScript caller) {
        List<Future<Transcript>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(pool.submit(() -> server.call("311", caller)));
        }
        return calls;
    }

    @Test
    void thousandCallersWaitingAtOnce_areAllServed_noneRefused() throws Exception {
        int callers = 1000;
        QueueGate gate = new QueueGate();
        try (TestServer server = TestServer.start(tmp);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Transcript>> calls = place(pool, server, callers, TestServer.ORDINARY.waitIn(gate));

            assertThat(gate.awaitWaiting(callers, Duration.ofSeconds(60))).as("all callers in the queue at once").isTrue();
            assertThat(server.server.activeCalls()).isEqualTo(callers);
            gate.release();

            for (Future<Transcript> call : calls) {
                Transcript t = call.get(60, TimeUnit.SECONDS);
                assertThat(t.route()).contains(TestServer.ORDINARY_ROUTE);
                assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
            }
            assertThat(server.server.refusedCalls()).isZero();
        }
    }

    @Test
    void callerAboveTheCeiling_isRefusedInAWayTheDialplanSees_andLaterCallersGetIn() throws Exception {
        QueueGate gate = new QueueGate();
        try (TestServer server = TestServer.start(tmp, "agi.max-calls=5");
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Transcript>> held = place(pool, server, 5, TestServer.ORDINARY.waitIn(gate));
            assertThat(gate.awaitWaiting(5, Duration.ofSeconds(20))).isTrue();

            Transcript refused = server.call("311", TestServer.ORDINARY);
            assertThat(refused.variables()).containsEntry("ONECALL_STATUS", "BUSY");
            assertThat(refused.prompts()).isEmpty();
            assertThat(refused.outcome()).isEqualTo("server-closed");
            assertThat(server.server.refusedCalls()).isEqualTo(1);

            gate.release();
            for (Future<Transcript> call : held) {
                assertThat(call.get(20, TimeUnit.SECONDS).variables()).containsEntry("ONECALL_STATUS", "DONE");
            }
            assertThat(server.call("311", TestServer.ORDINARY).variables()).containsEntry("ONECALL_STATUS", "DONE");
        }
    }

    @Test
    void stop_refusesNewCalls_butLetsCallsInProgressFinish() throws Exception {
        QueueGate gate = new QueueGate();
        try (TestServer server = TestServer.start(tmp);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Transcript>> held = place(pool, server, 3, TestServer.ORDINARY.waitIn(gate));
            assertThat(gate.awaitWaiting(3, Duration.ofSeconds(20))).isTrue();

            Future<?> stopping = pool.submit(() -> server.server.stop(Duration.ofSeconds(20)));
            long deadline = System.nanoTime() + 5_000_000_000L;
            boolean refused = false;
            while (!refused && System.nanoTime() < deadline) {
                try {
                    server.call("311", TestServer.ORDINARY);
                    Thread.sleep(20);
                } catch (ServerUnreachableException e) {
                    refused = true;
                }
            }
            assertThat(refused).as("new calls are refused once stopping").isTrue();
            assertThat(stopping).isNotDone();

            gate.release();
            for (Future<Transcript> call : held) {
                Transcript t = call.get(20, TimeUnit.SECONDS);
                assertThat(t.route()).contains(TestServer.ORDINARY_ROUTE);
                assertThat(t.outcome()).isEqualTo("server-hung-up");
            }
            stopping.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void stop_cutsCallsStillInProgress_whenTheGracePeriodEnds() throws Exception {
        QueueGate gate = new QueueGate();
        try (TestServer server = TestServer.start(tmp);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            place(pool, server, 2, TestServer.ORDINARY.waitIn(gate));
            assertThat(gate.awaitWaiting(2, Duration.ofSeconds(20))).isTrue();

            long start = System.nanoTime();
            server.server.stop(Duration.ofMillis(300));
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 5_000L);
            gate.release();
            long until = System.nanoTime() + 5_000_000_000L;
            while (server.server.activeCalls() > 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(server.server.activeCalls()).isZero();
        }
    }

    @Test
    void callInProgress_keepsTheConfigItStartedWith() throws Exception {
        QueueGate gate = new QueueGate();
        try (TestServer server = TestServer.start(tmp);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            // This caller's language queue times out while the config changes; the fallback comes after.
            Future<Transcript> held = pool.submit(() -> server.call("311",
                    TestServer.ORDINARY.queue(QueueBehaviour.TIMEOUT, QueueBehaviour.ANSWERED).waitIn(gate)));
            assertThat(gate.awaitWaiting(1, Duration.ofSeconds(20))).isTrue();

            Path metro = server.config.resolve("centers/metro-311.yaml");
            // Sanitation's overflow moves from the general desk to the noise desk.
            ReloadTest.write(metro, Files.readString(metro).replace(
                    "metro-311-sanitation: {calendar: office, languages: [en, es], overflow: metro-311-general",
                    "metro-311-sanitation: {calendar: office, languages: [en, es], overflow: metro-311-noise"), 5);
            long deadline = System.nanoTime() + 5_000_000_000L;
            String fallback;
            do {
                fallback = server.call("311", TestServer.ORDINARY.queue(QueueBehaviour.JOINEMPTY, QueueBehaviour.ANSWERED))
                        .route().orElseThrow().queue();
            } while (!fallback.equals("metro-311-noise") && System.nanoTime() < deadline);
            assertThat(fallback).as("new calls see the edit").isEqualTo("metro-311-noise");

            gate.release();
            assertThat(held.get(20, TimeUnit.SECONDS).route())
                    .contains(new Route("metro-311-general", "es", "missed-pickup"));
        }
    }
}
