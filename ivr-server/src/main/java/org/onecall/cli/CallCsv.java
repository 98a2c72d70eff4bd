package org.onecall.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A history of call arrivals from a CSV file with a header: a time column (required), a topic column and a
 * count column (optional; without one, each row is one call). Column names are found by their usual spellings
 * unless given: {@code timestamp} or {@code date} or {@code time}, {@code topic} or {@code type}, {@code count}
 * or {@code calls} or {@code value}. Other columns are ignored.
 */
final class CallCsv {
    private static final List<String> TIME_NAMES = List.of("timestamp", "date", "time", "datetime");
    private static final List<String> TOPIC_NAMES = List.of("topic", "type");
    private static final List<String> COUNT_NAMES = List.of("count", "calls", "value");

    /** The CSV cannot be replayed; the message names the file and, where there is one, the line. */
    static final class BadCsv extends Exception {
        BadCsv(String message) {
            super(message);
        }
    }

    /**
     * What was read: calls per minute of local time and topic.
     *
     * @param step the spacing of the timestamps when the file gives counts or only dates (a daily or
     *             half-hourly series); empty for one row per call at any time
     */
    record History(NavigableMap<LocalDateTime, Map<Optional<String>, Long>> counts, Optional<Duration> step,
                   String timeColumn, Optional<String> topicColumn, Optional<String> countColumn, long rows,
                   long calls) {
    }

    /**
     * Which columns to use: a name, or empty to look for the usual ones. "none" for the topic or count
     * column ignores a column of that name.
     */
    record Columns(Optional<String> time, Optional<String> topic, Optional<String> count) {
    }

    private CallCsv() {
    }

    static History read(Path file, ZoneId zone, Columns wanted) throws BadCsv, IOException {
        String name = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw new BadCsv(name + ": empty; the first line must be a header naming a timestamp column");
            }
            List<String> columns = split(header.replace("\uFEFF", "")).stream()
                    .map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
            int time = column(name, columns, wanted.time(), TIME_NAMES, "time", true);
            int topic = column(name, columns, wanted.topic(), TOPIC_NAMES, "topic", false);
            int count = column(name, columns, wanted.count(), COUNT_NAMES, "count", false);

            NavigableMap<LocalDateTime, Map<Optional<String>, Long>> counts = new TreeMap<>();
            boolean onlyDates = true;
            long rows = 0;
            long calls = 0;
            String line;
            for (int number = 2; (line = in.readLine()) != null; number++) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line);
                int needed = Math.max(time, Math.max(topic, count)) + 1;
                if (cells.size() < needed) {
                    throw new BadCsv(name + ": line " + number + ": has " + cells.size() + " column(s), the header "
                            + columns.size() + "; is a comma missing?");
                }
                String t = cells.get(time).strip();
                onlyDates &= t.length() == 10;
                Optional<LocalDateTime> parsed = timestamp(t, zone);
                if (parsed.isEmpty()) {
                    throw new BadCsv(name + ": line " + number + ": '" + t + "' is not a timestamp; write local time"
                            + " like 2026-01-15T09:30:00 (or 2026-01-15 09:30), or a date like 2026-01-15 for daily"
                            + " counts");
                }
                LocalDateTime at = parsed.get().truncatedTo(ChronoUnit.MINUTES);
                long n = 1;
                if (count >= 0) {
                    String c = cells.get(count).strip();
                    try {
                        n = Long.parseLong(c);
                    } catch (NumberFormatException e) {
                        n = -1;
                    }
                    if (n < 0) {
                        throw new BadCsv(name + ": line " + number + ": count '" + c
                                + "' is not a whole number of calls (0 or more)");
                    }
                }
                Optional<String> topicValue = topic < 0 ? Optional.empty()
                        : Optional.of(cells.get(topic).strip()).filter(s -> !s.isEmpty());
                counts.computeIfAbsent(at, k -> new HashMap<>()).merge(topicValue, n, Long::sum);
                rows++;
                calls += n;
            }
            if (rows == 0) {
                throw new BadCsv(name + ": has a header but no rows");
            }
            Optional<Duration> step = count >= 0 || onlyDates ? step(counts) : Optional.empty();
            return new History(counts, step, columns.get(time), Optional.of(topic).filter(i -> i >= 0).map(columns::get),
                    Optional.of(count).filter(i -> i >= 0).map(columns::get), rows, calls);
        }
    }

    /** The shortest spacing between two timestamps: the resolution of a series of counts. */
    private static Optional<Duration> step(NavigableMap<LocalDateTime, ?> counts) {
        Duration shortest = null;
        LocalDateTime previous = null;
        for (LocalDateTime t : counts.keySet()) {
            if (previous != null) {
                Duration gap = Duration.between(previous, t);
                shortest = shortest == null || gap.compareTo(shortest) < 0 ? gap : shortest;
            }
            previous = t;
        }
        return Optional.ofNullable(shortest);
    }

    private static int column(String file, List<String> columns, Optional<String> wanted, List<String> usual,
                              String what, boolean required) throws BadCsv {
        if (wanted.isPresent()) {
            String w = wanted.get().strip().toLowerCase(Locale.ROOT);
            if (!required && w.equals("none")) {
                return -1;
            }
            int i = columns.indexOf(w);
            if (i < 0) {
                throw new BadCsv(file + ": line 1: no column '" + wanted.get() + "' for the " + what + "; the header has "
                        + columns);
            }
            return i;
        }
        for (String name : usual) {
            int i = columns.indexOf(name);
            if (i >= 0) {
                return i;
            }
        }
        if (required) {
            throw new BadCsv(file + ": line 1: no " + what + " column; name one " + String.join(" or ", usual)
                    + " (or pick one with --" + what + "-column); the header has " + columns);
        }
        return -1;
    }

    /** ISO-8601 local time (a space for the T is fine), a date, or a time with an offset (then moved to the zone). */
    static Optional<LocalDateTime> timestamp(String text, ZoneId zone) {
        try {
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text).atStartOfDay());
            }
            String iso = text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + "T" + text.substring(11) : text;
            try {
                return Optional.of(LocalDateTime.parse(iso));
            } catch (DateTimeException e) {
                return Optional.of(OffsetDateTime.parse(iso).atZoneSameInstant(zone).toLocalDateTime());
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** One CSV line into cells: commas separate, double quotes enclose (a doubled quote is a quote). */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
