package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.TestFiles;
import org.onecall.config.CallerNumberHash;
import org.onecall.emulator.AsteriskEmulator;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.QueueBehaviour;
import org.onecall.emulator.Transcript;
import org.onecall.store.Database;
import org.onecall.store.RecordWriter;
import org.onecall.store.Statistics;
import org.onecall.store.TestDatabase;

/** Every call leaves one record, and the database is never in the caller's way. */
class RecordsTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void empty() {
        TestDatabase.truncate();
    }

    private static long count(String where) throws SQLException {
        try (Connection c = TestDatabase.database().connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT call_id) FROM call_record " + where)) {
            r.next();
            assertThat(r.getLong(1)).as("no record twice").isEqualTo(r.getLong(2));
            return r.getLong(1);
        }
    }

    private static void awaitRecords(long expected, String where) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (count(where) < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(count(where)).isEqualTo(expected);
    }

    @Test
    void emulatedCalls_leaveOneRecordEach_withWhatHappened() throws Exception {
        try (TestServer server = TestServer.start(tmp, TestDatabase.serverSettings(tmp.resolve("journal")))) {
            server.call(CallSetup.to("311").withUniqueId("1795541000.1").withFrom("2125550123")
                    .withCaller(CallerScript.keys("2", "1", "1", "5")));
            server.call(CallSetup.to("311").withUniqueId("1795541000.2").withCaller(CallerScript.keys("1", "8").hangupDuring(5)));
            server.call(CallSetup.to("311").withUniqueId("1795541000.3").withCaller(CallerScript.keys("1", "9")));
            awaitRecords(3, "");
        }
        try (Connection c = TestDatabase.database().connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT call_id, center, language, topic, queue, outcome, survey_score,"
                     + " caller, district, path, (SELECT GROUP_CONCAT(value ORDER BY seq) FROM call_input i"
                     + " WHERE i.call_id = r.call_id) FROM call_record r ORDER BY call_id")) {
            r.next();
            assertThat(r.getString(2)).isEqualTo("metro-311");
            assertThat(r.getString(3)).isEqualTo("es");
            assertThat(r.getString(4)).isEqualTo("missed-pickup");
            assertThat(r.getString(5)).isEqualTo("metro-311-sanitation");
            assertThat(r.getString(6)).isEqualTo("ANSWERED");
            assertThat(r.getInt(7)).isEqualTo(5);
            // Hashed under the database's key, which every server on it shares; the number is not kept.
            assertThat(r.getString(8)).isEqualTo(new CallerNumberHash(TestDatabase.database()
                    .sharedKey("caller-number", CallerNumberHash.newKey())).of("metro-311", "2125550123"));
            assertThat(r.getString(9)).isEqualTo("manhattan");
            assertThat(r.getString(10)).isEqualTo(
                    "menu:language>language:es>menu:main>menu:trash>topic:missed-pickup>queue:metro-311-sanitation>survey");
            assertThat(r.getString(11)).isEqualTo("2,1,1,5");
            r.next();
            assertThat(r.getString(6)).isEqualTo("HUNG_UP_IN_MENU");
            r.next();
            assertThat(r.getString(6)).isEqualTo("SENT_TO_911");
        }
    }

    @Test
    void aCallerWhoHangsUpOnTheAgent_orDuringTheSurvey_wasAnswered_andOneWhoMadeNoChoice_isNotCountedAsOffered()
            throws Exception {
        try (TestServer server = TestServer.start(tmp, TestDatabase.serverSettings(tmp.resolve("journal")))) {
            // English, trash, missed pickup: the sanitation desk. Steps: greeting, language, main, trash,
            // connecting, queue, survey.
            Transcript onAgent = server.call(CallSetup.to("311").withUniqueId("1795542000.1")
                    .withCaller(CallerScript.keys("1", "1", "1").queue(QueueBehaviour.CALLER_HANGS_UP)));
            Transcript inSurvey = server.call(CallSetup.to("311").withUniqueId("1795542000.2")
                    .withCaller(CallerScript.keys("1", "1", "1").queue(QueueBehaviour.ANSWERED).hangupDuring(7)));
            Transcript waiting = server.call(CallSetup.to("311").withUniqueId("1795542000.3")
                    .withCaller(CallerScript.keys("1", "1", "1").hangupDuring(6)));
            // Korean, Goyang, information, then silence: the information menu ends in the goodbye.
            server.call(CallSetup.to("120").withUniqueId("1795542000.4").withCaller(CallerScript.keys("1", "1", "6")));
            awaitRecords(4, "");
            for (Transcript t : List.of(onAgent, inSurvey, waiting)) {
                assertThat(t.outcome()).isEqualTo("caller-hung-up");
                List<String> afterHangup = t.wire().subList(t.wire().indexOf("<< HANGUP") + 1, t.wire().size());
                assertThat(afterHangup.stream().filter(l -> l.startsWith(">> ")))
                        .as("after the hang-up at most one probe or read, never a media command")
                        .hasSizeLessThanOrEqualTo(1)
                        .allMatch(c -> c.equals(">> CHANNEL STATUS") || c.startsWith(">> GET FULL VARIABLE"));
            }
        }
        try (Connection c = TestDatabase.database().connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT call_id, outcome, wait_ms, path, survey_score FROM call_record"
                     + " ORDER BY call_id")) {
            r.next();
            assertThat(r.getString(2)).as("hung up on the agent").isEqualTo("ANSWERED");
            assertThat(r.getObject(3)).as("the wait is known").isNotNull();
            assertThat(r.getString(4)).endsWith(">queue:metro-311-sanitation>hangup");
            r.next();
            assertThat(r.getString(2)).as("hung up in the survey").isEqualTo("ANSWERED");
            assertThat(r.getString(4)).endsWith(">survey>hangup");
            assertThat(r.getObject(5)).isNull();
            r.next();
            assertThat(r.getString(2)).as("hung up while waiting").isEqualTo("ABANDONED_IN_QUEUE");
            assertThat(r.getObject(3)).isNull();
            r.next();
            assertThat(r.getString(2)).as("silent in the information menu").isEqualTo("NO_CHOICE");
            assertThat(r.getString(4)).endsWith("menu:information>goodbye");
        }
        // The test server's clock stands at 2026-11-19 00:30 UTC.
        Statistics.Report week = Statistics.compute(TestDatabase.database(), "metro-311", java.time.ZoneOffset.UTC,
                java.time.LocalDate.of(2026, 11, 13), java.time.LocalDate.of(2026, 11, 19));
        assertThat(week.answered()).isEqualTo(2);
        assertThat(week.offered()).isEqualTo(3);
    }

    @Test
    void aCallAsteriskRefusesACommandOf_isRecordedAsFailed_andLeftToTheDialplansFallback() throws Exception {
        try (TestServer server = TestServer.start(tmp, TestDatabase.serverSettings(tmp.resolve("journal")));
             java.net.Socket asterisk = new java.net.Socket()) {
            asterisk.connect(server.server.agiAddress(), 2000);
            asterisk.setSoTimeout(10_000);
            var out = asterisk.getOutputStream();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(asterisk.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            out.write(("agi_network: yes\nagi_network_script: 311\nagi_request: agi://127.0.0.1/311\n"
                    + "agi_channel: PJSIP/x-00000001\nagi_language: en\nagi_uniqueid: 1795543000.1\n"
                    + "agi_callerid: 2025550123\nagi_dnid: 311\nagi_extension: 311\n\n").getBytes());
            assertThat(in.readLine()).isEqualTo("ANSWER");
            out.write("200 result=0\n".getBytes());
            String command = in.readLine();
            while (command.startsWith("SET VARIABLE")) {
                out.write("200 result=1\n".getBytes());
                command = in.readLine();
            }
            assertThat(command).startsWith("STREAM FILE");
            // An Asterisk without the module behind a command says so.
            out.write("510 Invalid or unknown command\n".getBytes());
            List<String> after = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                after.add(line);
                out.write("200 result=1\n".getBytes());
            }
            // Asterisk-Java's own AJ_AGISTATUS, and no HANGUP or ONECALL_STATUS: the dialplan's fallback runs.
            assertThat(after).containsExactly("SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
            awaitRecords(1, "WHERE call_id = '1795543000.1' AND outcome = 'FAILED' AND path LIKE '%failed'");
        }
    }

    @Test
    void databaseDown_whileCallsFlow_callsAreUnaffected_andEveryRecordArrivesOnceItIsBack() throws Exception {
        try (TestServer server = TestServer.start(tmp, TestDatabase.serverSettings(tmp.resolve("journal")))) {
            RecordWriter writer = server.server.records().orElseThrow().writer();
            for (int i = 0; i < 10; i++) {
                server.call("311", TestServer.ORDINARY);
            }
            awaitRecords(10, "");

            TestDatabase.embedded().stop();
            try {
                for (int i = 0; i < 30; i++) {
                    long start = System.nanoTime();
                    Transcript t = server.call("311", TestServer.ORDINARY);
                    assertThat(t.route()).contains(TestServer.ORDINARY_ROUTE);
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a call with the database down")
                            .isLessThan(Duration.ofSeconds(2));
                }
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (writer.journaled() < 30 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(writer.journaled()).as("records kept on disk while the database is down").isEqualTo(30);
            } finally {
                TestDatabase.embedded().restart();
            }
            awaitRecords(40, "");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (writer.pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(writer.pending()).isZero();
        }
    }

    @Test
    void serverKilled_withRecordsInItsJournal_losesNone() throws Exception {
        // A server in its own process whose database never answers: every record goes to the journal.
        Path config = TestFiles.copyShipped(tmp);
        Path journal = tmp.resolve("journal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = tmp.resolve("serve.out");
        Process serve = new ProcessBuilder(java, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"),
                "org.onecall.cli.Main", "serve", "--config", config.toString(), "--set", "agi.port=0",
                "--set", "database.url=jdbc:mariadb://127.0.0.1:1/onecall", "--set", "database.password=x",
                "--set", "records.journal-dir=" + journal, "--set", "records.retry-interval=10m")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<String> ids = new ArrayList<>();
        try {
            Matcher m = Pattern.compile("FastAGI\\s+agi://([0-9.]+):(\\d+)/").matcher("");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline && serve.isAlive() && !(m = m.reset(Files.exists(log) ? Files.readString(log) : "")).find()) {
                Thread.sleep(50);
            }
            assertThat(m.hasMatch()).as("the server started: " + Files.readString(log)).isTrue();
            AsteriskEmulator asterisk = new AsteriskEmulator(
                    new java.net.InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))), Duration.ofSeconds(20));
            for (int i = 0; i < 25; i++) {
                Transcript t = asterisk.call(CallSetup.to("311").withUniqueId("1795542000." + i)
                        .withCaller(TestServer.ORDINARY));
                assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
                ids.add("1795542000." + i);
            }
            long until = System.nanoTime() + 10_000_000_000L;
            while (journalLines(journal) < 25 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(journalLines(journal)).isEqualTo(25);
        } finally {
            serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9: no shutdown hook runs
        }

        // The next server (here: its record writer) starts on the same journal with a working database.
        Database db = TestDatabase.database();
        try (RecordWriter next = new RecordWriter(db, journal, 1000, 100, Duration.ofMillis(100))) {
            awaitRecords(25, "WHERE call_id LIKE '1795542000.%'");
        }
        assertThat(journalLines(journal)).isZero();
    }

    private static long journalLines(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long n = 0;
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                n += Files.readAllLines(p).stream().filter(l -> !l.isBlank()).count();
            }
        }
        return n;
    }
}
