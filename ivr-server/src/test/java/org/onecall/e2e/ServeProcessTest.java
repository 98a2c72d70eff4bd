package org.onecall.e2e;

import org.onecall.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.onecall.store.EmbeddedDatabase;

/** `onecall serve` as an administrator runs it: its own process, stopped with SIGTERM. */
class ServeProcessTest {
    private static final Pattern LISTENING = Pattern.compile("(?s)FastAGI\\s+agi://([0-9.]+):(\\d+)/.*Try a call");

    @TempDir
    Path tmp;

    @Test
    void serve_printsWhereItListens_andSigtermLetsTheCallInProgressFinish() throws Exception {
        Path log = tmp.resolve("serve.out");
        Process serve = serve(log, "records.enabled=false");
        QueueGate gate = new QueueGate();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            AsteriskEmulator asterisk = new AsteriskEmulator(awaitAgi(serve, log), Duration.ofSeconds(30));
            assertThat(Files.readString(log)).contains("center   metro-311").contains("center   gyeonggi-120");

            Future<Transcript> inProgress = pool.submit(() -> asterisk.call(provinceDeskCall(gate)));
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

    @Test
    void sigterm_keepsTheEmbeddedDatabaseUp_untilTheLastCallsRecordIsWritten() throws Exception {
        // Not under java.io.tmpdir, which the embedded MariaDB refuses; removed at the end.
        Path data = Path.of("target", "serve-sigterm-" + UUID.randomUUID()).toAbsolutePath();
        Path log = tmp.resolve("serve.out");
        Process serve = serve(log, "database.embedded.dir=" + data.resolve("mariadb"),
                "records.journal-dir=" + data.resolve("journal"));
        QueueGate gate = new QueueGate();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            AsteriskEmulator asterisk = new AsteriskEmulator(awaitAgi(serve, log), Duration.ofSeconds(30));
            Future<Transcript> inProgress = pool.submit(() -> asterisk.call(provinceDeskCall(gate)));
            assertThat(gate.awaitWaiting(1, Duration.ofSeconds(20))).isTrue();

            serve.destroy(); // SIGTERM
            // Long enough for a database stopped at SIGTERM to be gone before the call ends.
            Thread.sleep(1_500);
            gate.release();
            Transcript t = inProgress.get(20, TimeUnit.SECONDS);
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("the server exits after the call").isTrue();

            String printed = Files.readString(log);
            assertThat(printed).as("the record went to the database, not to the journal")
                    .doesNotContain("records database unavailable").doesNotContain("arrival counts not written");
            assertThat(EmbeddedDatabase.running(data.resolve("mariadb"))).as("the server stopped its MariaDB").isEmpty();
            try (EmbeddedDatabase db = EmbeddedDatabase.start(data.resolve("mariadb"));
                 Connection c = DriverManager.getConnection(db.endpoint().url(), db.endpoint().user(),
                         db.endpoint().password());
                 PreparedStatement s = c.prepareStatement("SELECT outcome FROM call_record WHERE call_id = ?")) {
                s.setString(1, t.variables().get("ONECALL_CALL_ID"));
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next()).as("the call that ended in the grace has its record").isTrue();
                    assertThat(r.getString(1)).isEqualTo("ANSWERED");
                }
            }
        } finally {
            serve.destroyForcibly();
            serve.waitFor(30, TimeUnit.SECONDS);
            TestFiles.deleteTree(data);
        }
    }

    @Test
    void aStartThatFailsAfterItsDatabaseStarted_exitsAtOnce_andStopsThatDatabase() throws Exception {
        Path data = Path.of("target", "serve-failed-" + UUID.randomUUID()).toAbsolutePath();
        Path journal = Files.createDirectories(data.resolve("journal"));
        Path log = tmp.resolve("serve.out");
        // Another OneCall holds the journal folder: the start fails after the embedded database is up.
        try (FileChannel held = FileChannel.open(journal.resolve("journal.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = held.lock()) {
            Process serve = serve(log, "database.embedded.dir=" + data.resolve("mariadb"),
                    "records.journal-dir=" + journal);
            try {
                // The grace is 20 s: were the database kept for it, the JVM would wait 80 s for nothing.
                assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve exited: " + Files.readString(log)).isTrue();
                assertThat(serve.exitValue()).isNotZero();
                assertThat(Files.readString(log)).contains("journal folder");
                assertThat(EmbeddedDatabase.running(data.resolve("mariadb"))).as("its MariaDB stopped").isEmpty();
            } finally {
                serve.destroyForcibly();
                serve.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            TestFiles.deleteTree(data);
        }
    }

    /** Korean, Dongducheon (no city desk), parking: the province desk, open around the clock. */
    private static CallSetup provinceDeskCall(QueueGate gate) {
        return CallSetup.to("120").withCaller(CallerScript.keys("1", "7", "3").waitIn(gate));
    }

    private Process serve(Path log, String... sets) throws Exception {
        Path config = TestFiles.copyShipped(tmp);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"),
                "org.onecall.cli.Main", "serve", "--config", config.toString(), "--set", "agi.port=0",
                "--set", "admin.port=0", "--set", "shutdown.grace=20s"));
        for (String set : sets) {
            command.addAll(List.of("--set", set));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static InetSocketAddress awaitAgi(Process serve, Path log) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline && serve.isAlive()) {
            Matcher m = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve printed no FastAGI address: " + Files.readString(log));
    }
}
