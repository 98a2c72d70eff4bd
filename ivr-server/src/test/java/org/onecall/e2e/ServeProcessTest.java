package org.onecall.e2e;

import org.onecall.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.emulator.AsteriskEmulator;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.QueueGate;
import org.onecall.emulator.Transcript;

/** `onecall serve` as an administrator runs it: its own process, stopped with SIGTERM. */
class ServeProcessTest {
    private static final Pattern LISTENING = Pattern.compile("(?s)FastAGI\\s+agi://([0-9.]+):(\\d+)/.*Try a call");

    @TempDir
    Path tmp;

    @Test
    void serve_printsWhereItListens_andSigtermLetsTheCallInProgressFinish() throws Exception {
        Path config = TestFiles.copyShipped(tmp);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = tmp.resolve("serve.out");
        Process serve = new ProcessBuilder(java, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"),
                "org.onecall.cli.Main", "serve", "--config", config.toString(), "--set", "agi.port=0",
                "--set", "admin.port=0",
                "--set", "shutdown.grace=20s", "--set", "records.enabled=false")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        QueueGate gate = new QueueGate();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            InetSocketAddress agi = null;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (agi == null && System.nanoTime() < deadline && serve.isAlive()) {
                Matcher m = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
                if (m.find()) {
                    agi = new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
                } else {
                    Thread.sleep(50);
                }
            }
            assertThat(agi).as("serve printed its FastAGI address: " + Files.readString(log)).isNotNull();
            assertThat(Files.readString(log)).contains("center   metro-311").contains("center   gyeonggi-120");

            AsteriskEmulator asterisk = new AsteriskEmulator(agi, Duration.ofSeconds(30));
            // Korean, Dongducheon (no city desk), parking: the province desk, open around the clock,
            // so this holds whatever the real time is.
            Future<Transcript> inProgress = pool.submit(() -> asterisk.call(
                    CallSetup.to("120").withCaller(CallerScript.keys("1", "7", "3").waitIn(gate))));
            assertThat(gate.awaitWaiting(1, Duration.ofSeconds(20))).isTrue();

            serve.destroy(); // SIGTERM
            Thread.sleep(300);
            assertThat(serve.isAlive()).as("still alive while a call is in progress").isTrue();
            gate.release();

            Transcript t = inProgress.get(20, TimeUnit.SECONDS);
            assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
            assertThat(t.outcome()).isEqualTo("server-hung-up");
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("the server exits after the call").isTrue();
            assertThat(Files.readString(log)).contains("waiting up to 20 s for 1 call(s) in progress")
                    .contains("all calls finished").contains("OneCall stopped");
        } finally {
            serve.destroyForcibly();
        }
    }
}
