package org.onecall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The figures 311 centers publish, computed from call records for one center and a span of days
 * in the center's time zone: calls, answer rate, how calls were handled, top topics, language mix,
 * time in the menu and to answer, calls by hour of day and topic, calls by district.
 */
public final class Statistics {
    private Statistics() {
    }

    /**
     * @param answerRate answered / offered to an agent (answered + abandoned in the queue + no desk could take it)
     * @param byHourAndTopic local hour of day (0-23) -> topic -> calls
     */
    public record Report(String center, LocalDate from, LocalDate to, long calls, long offered, long answered,
                         Double answerRate, Map<String, Long> outcomes, Map<String, Long> topTopics,
                         Map<String, Long> languages, Double averageMenuSeconds, Double averageWaitSeconds,
                         Map<Integer, Map<String, Long>> byHourAndTopic, Map<String, Long> districts,
                         Double averageSurvey, long surveys, Optional<Report> yearEarlier) {
    }

    /** Whole local days from {@code from} to {@code to}, and the same days a year earlier. */
    public static Report compute(Database db, String center, ZoneId zone, LocalDate from, LocalDate to)
            throws SQLException {
        return compute(db, center, zone, from, to, to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * As above, but a period that runs into today stops at {@code asOf}, and the year-earlier one at the
     * same moment a year before: a day so far is compared with the same hours of that day, not a whole one.
     */
    public static Report compute(Database db, String center, ZoneId zone, LocalDate from, LocalDate to,
                                 Instant asOf) throws SQLException {
        ZonedDateTime end = to.plusDays(1).atStartOfDay(zone);
        ZonedDateTime cut = asOf.atZone(zone);
        ZonedDateTime until = cut.isBefore(end) ? cut : end;
        Report now = period(db, center, zone, from, to, from.atStartOfDay(zone), until);
        Report before = period(db, center, zone, from.minusYears(1), to.minusYears(1),
                from.minusYears(1).atStartOfDay(zone), until.minusYears(1));
        return new Report(now.center(), now.from(), now.to(), now.calls(), now.offered(), now.answered(),
                now.answerRate(), now.outcomes(), now.topTopics(), now.languages(), now.averageMenuSeconds(),
                now.averageWaitSeconds(), now.byHourAndTopic(), now.districts(), now.averageSurvey(), now.surveys(),
                before.calls() > 0 ? Optional.of(before) : Optional.empty());
    }

    private static Report period(Database db, String center, ZoneId zone, LocalDate from, LocalDate to,
                                 ZonedDateTime startsAt, ZonedDateTime endsAt) throws SQLException {
        // Records are kept in UTC.
        LocalDateTime start = startsAt.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        LocalDateTime end = endsAt.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        String where = " FROM call_record WHERE center = ? AND started_at >= ? AND started_at < ?";
        try (Connection c = db.slowConnection()) {
            Map<String, Long> outcomes = counts(c, "SELECT outcome, COUNT(*)" + where
                    + " GROUP BY outcome ORDER BY COUNT(*) DESC, outcome", center, start, end);
            long calls = outcomes.values().stream().mapToLong(Long::longValue).sum();
            long answered = outcomes.getOrDefault("ANSWERED", 0L);
            long offered = answered + outcomes.getOrDefault("ABANDONED_IN_QUEUE", 0L)
                    + outcomes.getOrDefault("QUEUE_UNAVAILABLE", 0L);
            Map<String, Long> topics = counts(c, "SELECT topic, COUNT(*)" + where
                    + " AND topic IS NOT NULL GROUP BY topic ORDER BY COUNT(*) DESC, topic LIMIT 10", center, start, end);
            Map<String, Long> languages = counts(c, "SELECT language, COUNT(*)" + where
                    + " GROUP BY language ORDER BY COUNT(*) DESC, language", center, start, end);
            Map<String, Long> districts = counts(c, "SELECT COALESCE(district, '(unknown)'), COUNT(*)" + where
                    + " GROUP BY district ORDER BY COUNT(*) DESC, district", center, start, end);
            Double menu = average(c, "SELECT AVG(menu_ms) / 1000" + where, center, start, end);
            Double wait = average(c, "SELECT AVG(wait_ms) / 1000" + where + " AND wait_ms IS NOT NULL", center, start, end);
            Double survey = average(c, "SELECT AVG(survey_score)" + where + " AND survey_score IS NOT NULL",
                    center, start, end);
            long surveys = counts(c, "SELECT 'n', COUNT(survey_score)" + where, center, start, end).getOrDefault("n", 0L);
            Map<Integer, Map<String, Long>> matrix = hourMatrix(c, where, center, start, end, zone);
            return new Report(center, from, to, calls, offered, answered,
                    offered == 0 ? null : round((double) answered / offered, 4), outcomes, topics, languages,
                    round(menu, 1), round(wait, 1), matrix, districts, round(survey, 2), surveys, Optional.empty());
        }
    }

    /** Hours are bucketed in UTC by the database and turned into the center's local hour here, DST included. */
    private static Map<Integer, Map<String, Long>> hourMatrix(Connection c, String where, String center,
                                                             LocalDateTime start, LocalDateTime end, ZoneId zone)
            throws SQLException {
        Map<Integer, Map<String, Long>> matrix = new TreeMap<>();
        // Quarter hours, not hours: some zones are half an hour or 45 minutes off UTC (India, Nepal, Newfoundland).
        String sql = "SELECT DATE_FORMAT(started_at, '%Y-%m-%d %H:00:00'), FLOOR(MINUTE(started_at) / 15),"
                + " COALESCE(topic, '(none)'), COUNT(*)" + where + " GROUP BY 1, 2, 3";
        try (PreparedStatement s = bind(c.prepareStatement(sql), center, start, end); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                LocalDateTime utc = LocalDateTime.parse(r.getString(1).replace(' ', 'T')).plusMinutes(15L * r.getInt(2));
                int local = utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).getHour();
                matrix.computeIfAbsent(local, h -> new TreeMap<>()).merge(r.getString(3), r.getLong(4), Long::sum);
            }
        }
        return matrix;
    }

    private static Map<String, Long> counts(Connection c, String sql, String center, LocalDateTime start,
                                            LocalDateTime end) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        try (PreparedStatement s = bind(c.prepareStatement(sql), center, start, end); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                m.put(r.getString(1), r.getLong(2));
            }
        }
        return m;
    }

    private static Double average(Connection c, String sql, String center, LocalDateTime start, LocalDateTime end)
            throws SQLException {
        try (PreparedStatement s = bind(c.prepareStatement(sql), center, start, end); ResultSet r = s.executeQuery()) {
            r.next();
            double v = r.getDouble(1);
            return r.wasNull() ? null : v;
        }
    }

    private static PreparedStatement bind(PreparedStatement s, String center, LocalDateTime start, LocalDateTime end)
            throws SQLException {
        s.setString(1, center);
        s.setObject(2, start);
        s.setObject(3, end);
        return s;
    }

    private static Double round(Double v, int places) {
        if (v == null) {
            return null;
        }
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
