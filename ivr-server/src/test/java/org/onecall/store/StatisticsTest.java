package org.onecall.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The published figures, exactly, for a known set of calls. */
class StatisticsTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final Database db = TestDatabase.database();
    private final List<CallRecord> records = new ArrayList<>();
    private int n;

    @BeforeEach
    void empty() {
        TestDatabase.truncate();
    }

    private void call(String start, String outcome, String topic, String language, String district,
                      Integer survey, long menuMs, Long waitMs) {
        call("metro-311", start, outcome, topic, language, district, survey, menuMs, waitMs);
    }

    private void call(String center, String start, String outcome, String topic, String language, String district,
                      Integer survey, long menuMs, Long waitMs) {
        long t = Instant.parse(start).toEpochMilli();
        records.add(new CallRecord("1795540000." + (++n), center, null, district, "311", "hmac:x", t, t + 120_000,
                language, "menu:main", topic, topic == null ? null : "metro-311-general", outcome, false, false,
                null, survey, menuMs, waitMs, List.of("1"), null));
    }

    private void write() throws Exception {
        try (RecordWriter writer = new RecordWriter(db, java.nio.file.Files.createTempDirectory("journal"), 100, 100,
                java.time.Duration.ofSeconds(1))) {
            writer.insert(records);
        }
    }

    @Test
    void week_ofKnownCalls_givesExactFigures_besideTheSameWeekAYearEarlier() throws Exception {
        // Monday 2 March to Sunday 8 March 2026 in New York; DST begins on Sunday 8 March at 02:00.
        call("2026-03-02T14:00:00Z", "ANSWERED", "pothole", "en", "manhattan", 5, 20_000, 30_000L);   // 09:00 EST
        call("2026-03-02T14:30:00Z", "ANSWERED", "pothole", "es", "brooklyn", 3, 40_000, 90_000L);    // 09:30 EST
        call("2026-03-03T15:00:00Z", "ABANDONED_IN_QUEUE", "missed-pickup", "en", "manhattan", null, 30_000, null);
        call("2026-03-04T16:00:00Z", "QUEUE_UNAVAILABLE", "noise", "ko", null, null, 30_000, null);
        call("2026-03-05T02:00:00Z", "SELF_SERVED", null, "en", "queens", null, 60_000, null);         // 21:00 EST
        call("2026-03-06T20:00:00Z", "HUNG_UP_IN_MENU", null, "zh", null, null, 10_000, null);
        call("2026-03-08T13:00:00Z", "ANSWERED", "pothole", "en", "manhattan", 4, 20_000, 60_000L);   // 09:00 EDT
        // Outside the week: the Sunday before and the Monday after, and another center.
        call("2026-03-02T04:59:59Z", "ANSWERED", "pothole", "en", null, null, 1, 1L);                // Sun 23:59:59 EST
        call("2026-03-09T04:00:00Z", "ANSWERED", "pothole", "en", null, null, 1, 1L);                // Mon 00:00 EDT
        call("gyeonggi-120", "2026-03-03T15:00:00Z", "ANSWERED", "noise", "ko", null, null, 1, 1L);
        // A year earlier: two calls, one answered.
        call("2025-03-03T15:00:00Z", "ANSWERED", "noise", "en", null, null, 10_000, 10_000L);
        call("2025-03-04T15:00:00Z", "ABANDONED_IN_QUEUE", "noise", "en", null, null, 10_000, null);
        write();

        Statistics.Report r = Statistics.compute(db, "metro-311", NEW_YORK, LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 8));

        assertThat(r.calls()).isEqualTo(7);
        assertThat(r.offered()).isEqualTo(5);
        assertThat(r.answered()).isEqualTo(3);
        assertThat(r.answerRate()).isEqualTo(0.6);
        assertThat(r.outcomes()).containsExactly(Map.entry("ANSWERED", 3L), Map.entry("ABANDONED_IN_QUEUE", 1L),
                Map.entry("HUNG_UP_IN_MENU", 1L), Map.entry("QUEUE_UNAVAILABLE", 1L), Map.entry("SELF_SERVED", 1L));
        assertThat(r.topTopics()).containsExactly(Map.entry("pothole", 3L), Map.entry("missed-pickup", 1L),
                Map.entry("noise", 1L));
        assertThat(r.languages()).containsExactly(Map.entry("en", 4L), Map.entry("es", 1L), Map.entry("ko", 1L),
                Map.entry("zh", 1L));
        assertThat(r.districts()).containsExactly(Map.entry("manhattan", 3L), Map.entry("(unknown)", 2L),
                Map.entry("brooklyn", 1L), Map.entry("queens", 1L));
        assertThat(r.averageMenuSeconds()).isEqualTo(30.0);       // 210 s / 7
        assertThat(r.averageWaitSeconds()).isEqualTo(60.0);       // (30 + 90 + 60) / 3
        assertThat(r.averageSurvey()).isEqualTo(4.0);
        assertThat(r.surveys()).isEqualTo(3);
        // Local hours: 09:00 twice on Monday (EST) and 09:00 on Sunday after the DST change (EDT).
        assertThat(r.byHourAndTopic().get(9)).containsExactly(Map.entry("pothole", 3L));
        assertThat(r.byHourAndTopic().get(10)).containsExactly(Map.entry("missed-pickup", 1L));
        assertThat(r.byHourAndTopic().get(21)).containsExactly(Map.entry("(none)", 1L));
        assertThat(r.yearEarlier()).hasValueSatisfying(y -> {
            assertThat(y.calls()).isEqualTo(2);
            assertThat(y.answerRate()).isEqualTo(0.5);
        });
    }

    @Test
    void dayWithoutCalls_hasNoRateAndNoYearEarlier() throws Exception {
        Statistics.Report r = Statistics.compute(db, "metro-311", NEW_YORK, LocalDate.of(2026, 7, 4),
                LocalDate.of(2026, 7, 4));
        assertThat(r.calls()).isZero();
        assertThat(r.answerRate()).isNull();
        assertThat(r.yearEarlier()).isEmpty();
    }

    @Test
    void todaySoFar_isComparedWithTheSameHoursAYearEarlier_notTheWholeDay() throws Exception {
        call("2026-04-15T13:00:00Z", "ANSWERED", "pothole", "en", null, null, 1_000, 1_000L);   // 09:00 EDT
        call("2026-04-15T15:00:00Z", "ANSWERED", "pothole", "en", null, null, 1_000, 1_000L);   // 11:00 EDT
        call("2025-04-15T14:00:00Z", "ANSWERED", "pothole", "en", null, null, 1_000, 1_000L);   // 10:00 EDT
        call("2025-04-15T20:00:00Z", "ANSWERED", "pothole", "en", null, null, 1_000, 1_000L);   // 16:00 EDT: later
        write();

        Instant noon = Instant.parse("2026-04-15T16:00:00Z");
        Statistics.Report r = Statistics.compute(db, "metro-311", NEW_YORK, LocalDate.of(2026, 4, 15),
                LocalDate.of(2026, 4, 15), noon);

        assertThat(r.calls()).isEqualTo(2);
        assertThat(r.yearEarlier()).hasValueSatisfying(y -> assertThat(y.calls()).as("until noon only").isEqualTo(1));
        Statistics.Report whole = Statistics.compute(db, "metro-311", NEW_YORK, LocalDate.of(2026, 4, 15),
                LocalDate.of(2026, 4, 15));
        assertThat(whole.yearEarlier()).hasValueSatisfying(y -> assertThat(y.calls()).isEqualTo(2));
    }

    @Test
    void hourOfDay_isLocal_alsoInAZoneHalfAnHourOffUtc() throws Exception {
        call("2026-04-15T04:45:00Z", "ANSWERED", "pothole", "en", null, null, 1_000, 1_000L);   // 10:15 in Kolkata
        call("2026-04-15T04:15:00Z", "ANSWERED", "noise", "en", null, null, 1_000, 1_000L);     // 09:45 in Kolkata
        write();

        Statistics.Report r = Statistics.compute(db, "metro-311", ZoneId.of("Asia/Kolkata"), LocalDate.of(2026, 4, 15),
                LocalDate.of(2026, 4, 15));

        assertThat(r.byHourAndTopic().get(10)).containsExactly(Map.entry("pothole", 1L));
        assertThat(r.byHourAndTopic().get(9)).containsExactly(Map.entry("noise", 1L));
    }
}
