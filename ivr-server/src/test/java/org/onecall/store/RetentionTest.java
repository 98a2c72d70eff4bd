package org.onecall.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.TestClock;
import org.onecall.broadcast.PinGuard;
import org.onecall.config.CallerNumberHash;

/** Old records are purged, personal data first. */
class RetentionTest {
    @TempDir
    Path tmp;
    private final Database db = TestDatabase.database();

    @BeforeEach
    void empty() {
        TestDatabase.truncate();
    }

    private static CallRecord at(String id, String instant) {
        return at(id, instant, null, List.of("1"));
    }

    private static CallRecord at(String id, String instant, String entered, List<String> inputs) {
        long t = Instant.parse(instant).toEpochMilli();
        return new CallRecord(id, "metro-311", null, null, "311", "hmac:abc", t, t + 1000, "en", "menu:main",
                null, null, "SELF_SERVED", false, false, entered, null, 1000, null, inputs, null);
    }

    @Test
    void callerNumbers_areErasedAfter90Days_andRecordsDeletedAfter730() throws Exception {
        insert(List.of(
                at("1.1", "2026-11-20T12:00:00Z"),    // 5 days old: kept whole
                at("1.2", "2026-07-01T12:00:00Z"),    // ~5 months: number erased
                at("1.3", "2024-01-01T12:00:00Z")));  // ~3 years: deleted
        InstantSource now = InstantSource.fixed(Instant.parse("2026-11-25T12:00:00Z"));

        long[] purged = new Retention(db, TestDatabase.settings(tmp), now).purge();

        // Numbers go first, so the 3-year-old record loses its number before it is deleted.
        assertThat(purged).containsExactly(2, 1);
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT call_id, caller FROM call_record ORDER BY call_id")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("1.1");
            assertThat(r.getString(2)).isEqualTo("hmac:abc");
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("1.2");
            assertThat(r.getString(2)).isNull();
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void wrongPinTries_olderThanTheLongestLockout_areForgotten_evenWithNoNewTryToSweepThem() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
        PinGuard guard = new PinGuard(new DatabasePinTallies(db), clock, CallerNumberHash.ofThisProcess());
        PinGuard.Policy threeInAnHour = new PinGuard.Policy(3, Duration.ofHours(1));
        guard.failed("metro-311", "1001", "2125550100", threeInAnHour);     // two days old at the purge
        clock.set(Instant.parse("2026-11-25T11:30:00Z"));
        guard.failed("gyeonggi-120", "1001", "0319031234", threeInAnHour);  // half an hour old

        new Retention(db, TestDatabase.settings(tmp), InstantSource.fixed(Instant.parse("2026-11-25T12:00:00Z"))).purge();

        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT DISTINCT center FROM pin_failure UNION SELECT center FROM pin_tally")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("gyeonggi-120");
            assertThat(r.next()).as("metro-311's old tries and tallies are gone").isFalse();
        }
    }

    @Test
    void whatCallersEntered_isErasedWithTheirNumbers_keepingTheRestOfTheRecord() throws Exception {
        insert(List.of(
                at("2.1", "2026-11-20T12:00:00Z", "10001", List.of("2", "10001", "")),   // 5 days old: kept
                at("2.2", "2026-07-01T12:00:00Z", "10001", List.of("2", "10001", "")),   // ~5 months: erased
                at("2.3", "2026-07-01T12:00:00Z", null, List.of("3", "2026-123456"))));
        InstantSource now = InstantSource.fixed(Instant.parse("2026-11-25T12:00:00Z"));

        long[] purged = new Retention(db, TestDatabase.settings(tmp), now).purge();

        assertThat(purged).containsExactly(2, 0);
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT call_id, caller, entered, path, (SELECT GROUP_CONCAT(CONCAT(kind,"
                     + " ':', value) ORDER BY seq) FROM call_input i WHERE i.call_id = r.call_id) FROM call_record r"
                     + " ORDER BY call_id")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(3)).isEqualTo("10001");
            assertThat(r.getString(5)).isEqualTo("key:2,key:10001,none:");
            assertThat(r.next()).isTrue();
            assertThat(r.getString(2)).isNull();
            assertThat(r.getString(3)).as("the ZIP code the caller entered").isNull();
            assertThat(r.getString(4)).as("the statistics stay").isEqualTo("menu:main");
            assertThat(r.getString(5)).as("how many inputs and of what kind stay").isEqualTo("key:,key:,none:");
            assertThat(r.next()).isTrue();
            assertThat(r.getString(5)).isEqualTo("key:,key:");
            assertThat(r.next()).isFalse();
        }
    }

    /** Straight into the database, as the record writer's batches go; the writer closes, its thread with it. */
    private void insert(java.util.List<CallRecord> records) throws Exception {
        try (RecordWriter writer = new RecordWriter(db, tmp, 100, 100, java.time.Duration.ofSeconds(1))) {
            writer.insert(records);
        }
    }
}
