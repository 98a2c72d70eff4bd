package org.onecall.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.flow.CallSummary;
import org.onecall.flow.Outcome;

/** Whatever a call brings, its record is written, and one bad record holds up no other. */
class RecordWriterTest {
    private static final Instant START = Instant.parse("2026-11-20T15:00:00Z");

    @TempDir
    Path tmp;
    private final Database db = TestDatabase.database();

    @BeforeEach
    void empty() {
        TestDatabase.truncate();
    }

    private static CallSummary call(String callId, String dialed, String caller, String entered, List<String> inputs) {
        return call(callId, dialed, caller, entered, inputs, OptionalInt.empty());
    }

    private static CallSummary call(String callId, OptionalInt surveyScore) {
        return call(callId, "311", "2125550123", null, List.of("1"), surveyScore);
    }

    private static CallSummary call(String callId, String dialed, String caller, String entered, List<String> inputs,
                                    OptionalInt surveyScore) {
        return new CallSummary(callId, "metro-311", Optional.empty(), Optional.empty(), dialed, Optional.of(caller),
                START, START.plusSeconds(60), "en", Optional.empty(), List.of("menu:main"), inputs,
                Optional.ofNullable(entered), Optional.empty(), false, false, Outcome.SELF_SERVED, surveyScore,
                Duration.ofSeconds(60), Optional.empty(), List.of());
    }

    private static void awaitWritten(RecordWriter writer, long n) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (writer.written() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static Map<String, List<String>> stored() throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection c = db().connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT call_id, dialed, caller, entered, (SELECT GROUP_CONCAT(value ORDER BY"
                     + " seq SEPARATOR '|') FROM call_input i WHERE i.call_id = r.call_id) FROM call_record r"
                     + " ORDER BY call_id")) {
            while (r.next()) {
                rows.put(r.getString(1), java.util.Arrays.asList(r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5)));
            }
        }
        return rows;
    }

    private static Database db() {
        return TestDatabase.database();
    }

    @Test
    void overlongHeaderValues_areStoredCutToTheirColumns() throws Exception {
        String caller = "7".repeat(100);
        String dialed = "3".repeat(200);
        // Two unique ids over 64 characters that differ only at the end stay two records.
        String longId = "1795541000." + "9".repeat(90);
        try (RecordWriter writer = new RecordWriter(db, tmp, 100, 100, Duration.ofMillis(100))) {
            writer.record(call(longId + "1", dialed, caller, "1".repeat(60), List.of("2".repeat(300), "")));
            writer.record(call(longId + "2", "311", "2125550123", null, List.of("1")));
            awaitWritten(writer, 2);
            assertThat(writer.written()).isEqualTo(2);
            assertThat(writer.journaled()).isZero();
        }

        Map<String, List<String>> rows = stored();
        assertThat(rows).hasSize(2);
        assertThat(rows.keySet()).allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(64)
                .startsWith("1795541000.999"));
        List<String> cut = rows.get(CallRecord.id(longId + "1"));
        assertThat(cut).containsExactly("3".repeat(40), "7".repeat(80), "1".repeat(40), "2".repeat(200) + "|");
        assertThat(rows.get(CallRecord.id(longId + "2"))).containsExactly("311", "2125550123", null, "1");
    }

    @Test
    void aRecordTheDatabaseRefuses_goesToTheDeadLetters_andTheRecordsAfterItAreWritten() throws Exception {
        try (RecordWriter writer = new RecordWriter(db, tmp, 100, 100, Duration.ofMillis(100))) {
            writer.record(call("1795541100.1", OptionalInt.of(4)));
            // A survey score is one key; 1000 is beyond its TINYINT column: refused for its data.
            writer.record(call("1795541100.2", OptionalInt.of(1000)));
            for (int i = 3; i <= 5; i++) {
                writer.record(call("1795541100." + i, OptionalInt.of(5)));
            }
            awaitWritten(writer, 4);
            assertThat(writer.written()).isEqualTo(4);
            assertThat(writer.refused()).isEqualTo(1);
            assertThat(writer.journaled()).as("the database is up: nothing waits").isZero();
            assertThat(writer.pending()).isZero();
        }
        assertThat(stored().keySet()).containsExactly("1795541100.1", "1795541100.3", "1795541100.4", "1795541100.5");
        assertDeadLetter("1795541100.2");
    }

    @Test
    void aRefusedRecordInTheJournal_doesNotStopItsReplay() throws Exception {
        Journal journal = new Journal(tmp);
        journal.append(List.of(CallRecord.of(call("1795541200.1", OptionalInt.of(1000))),
                CallRecord.of(call("1795541200.2", OptionalInt.of(3)))));
        journal.close();

        try (RecordWriter writer = new RecordWriter(db, tmp, 100, 100, Duration.ofMillis(100))) {
            awaitWritten(writer, 1);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (writer.pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(writer.pending()).as("the journal is replayed to its end").isZero();
            assertThat(writer.refused()).isEqualTo(1);
        }
        assertThat(stored().keySet()).containsExactly("1795541200.2");
        assertDeadLetter("1795541200.1");
    }

    private void assertDeadLetter(String callId) throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(tmp.resolve(DeadLetters.FILE));
        assertThat(lines).hasSize(1);
        var letter = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.getFirst());
        assertThat(letter.path("record").path("callId").asText()).isEqualTo(callId);
        assertThat(letter.path("error").asText()).contains("survey_score");
        assertThat(letter.path("sqlState").asText()).startsWith("22");
    }

    @Test
    void cut_neverSplitsACharacter_andAShortIdIsKeptAsItIs() {
        // U+1F4DE (telephone receiver) is two chars in Java, one character in a utf8mb4 column.
        assertThat(CallRecord.cut("\uD83D\uDCDE".repeat(50), 40)).isEqualTo("\uD83D\uDCDE".repeat(40));
        assertThat(CallRecord.id("1795541000.1")).isEqualTo("1795541000.1");
        String cutOnce = CallRecord.id("x".repeat(100));
        assertThat(CallRecord.id(cutOnce)).as("a cut id read back from the journal").isEqualTo(cutOnce);
    }

    @Test
    void columnSizes_areThoseOfTheSchema() throws SQLException {
        Map<String, Integer> declared = new LinkedHashMap<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT CONCAT(table_name, '.', column_name), character_maximum_length"
                     + " FROM information_schema.columns WHERE table_schema = DATABASE()"
                     + " AND table_name IN ('call_record', 'call_input') AND data_type = 'varchar'")) {
            while (r.next()) {
                declared.put(r.getString(1), r.getInt(2));
            }
        }
        assertThat(declared).containsAllEntriesOf(Map.ofEntries(
                Map.entry("call_record.call_id", CallRecord.CALL_ID), Map.entry("call_record.center", CallRecord.CENTER),
                Map.entry("call_record.city", CallRecord.CITY), Map.entry("call_record.district", CallRecord.DISTRICT),
                Map.entry("call_record.dialed", CallRecord.DIALED), Map.entry("call_record.caller", CallRecord.CALLER),
                Map.entry("call_record.language", CallRecord.LANGUAGE), Map.entry("call_record.path", CallRecord.PATH),
                Map.entry("call_record.topic", CallRecord.TOPIC), Map.entry("call_record.queue", CallRecord.QUEUE),
                Map.entry("call_record.outcome", CallRecord.OUTCOME),
                Map.entry("call_record.entered", CallRecord.ENTERED),
                Map.entry("call_record.announcements", CallRecord.ANNOUNCEMENTS),
                Map.entry("call_input.value", CallRecord.INPUT_VALUE)));
    }

    @Test
    void twoWritersOnOneJournalFolder_theSecondIsRefused_untilTheFirstCloses() throws Exception {
        try (RecordWriter first = new RecordWriter(db, tmp, 100, 100, Duration.ofMillis(100))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> new RecordWriter(db, tmp, 100, 100, Duration.ofMillis(100)))
                    .hasMessageContaining("is in use by another OneCall server");
        }
        new RecordWriter(db, tmp, 100, 100, Duration.ofMillis(100)).close();
    }
}
