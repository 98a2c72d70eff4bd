package org.onecall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.onecall.config.Durations;

/**
 * ./onecall spikes on the real series in ../shared/data/ (see its README) with metro-311's shipped thresholds:
 * which dated events start an announcement, how late, and what starts outside them. The figures are printed;
 * the assertions are loose on purpose, since the 311 files count service requests, not calls, and their events
 * were dated by hand.
 */
class SpikesOnRealDataTest {
    private static final Path DATA = Path.of("..", "shared", "data");
    /**
     * A daily series places a start at the end of the day it judged, and a storm's calls come the day before or
     * after the dates a table gives it: a start whose run is within this of an event counts as that event's.
     */
    private static final Duration DAILY_SLACK = Duration.ofDays(2);

    record Event(String name, LocalDateTime from, LocalDateTime to) {
        static Event days(String name, String first, String last) {
            return new Event(name, LocalDate.parse(first).atStartOfDay(), LocalDate.parse(last).plusDays(1).atStartOfDay());
        }
    }

    /** A start and the event it falls in, if any. */
    record Start(LocalDateTime at, Optional<String> topic, long observed, double expected, Duration per,
                 Optional<Event> event) {
        LocalDateTime runFrom() {
            return at.minus(per);
        }

        @Override
        public String toString() {
            return String.format("%s %-26s %7d vs %9.1f over %-3s %s", at, topic.orElse("overall"), observed, expected,
                    Durations.format(per), event.map(e -> "in " + e.name() + ", "
                            + hours(Duration.between(e.from(), at)) + " after it began").orElse("OUTSIDE every event"));
        }
    }

    /** The figures of one replay. */
    record Figures(String file, List<Start> starts, Map<Event, Optional<Start>> caught) {
        List<Start> outside() {
            return starts.stream().filter(s -> s.event().isEmpty()).toList();
        }

        long caughtCount() {
            return caught.values().stream().filter(Optional::isPresent).count();
        }

        void print(String thresholds) {
            System.out.printf("%n%s (%s): %d start(s), %d outside the dated events; %d of %d events caught%n", file,
                    thresholds, starts.size(), outside().size(), caughtCount(), caught.size());
            caught.forEach((e, s) -> System.out.printf("  event %-34s %s .. %s: %s%n", e.name(), e.from(), e.to(),
                    s.map(x -> "first start " + x.at() + " (" + x.topic().orElse("overall") + "), "
                            + hours(Duration.between(e.from(), x.at())) + " after the event began").orElse("missed")));
            starts.forEach(s -> System.out.println("  start " + s));
        }
    }

    private static String hours(Duration d) {
        return d.toHours() >= 48 ? String.format("%.1f days", d.toMinutes() / 1440.0) : d.toMinutes() / 60.0 + " h";
    }

    private static Path file(String name) {
        Path p = DATA.resolve(name);
        assumeTrue(Files.isReadable(p), "the real data file " + p.toAbsolutePath().normalize()
                + " is missing (../shared/data/ beside the project); skipping the replay on real data");
        return p;
    }

    private static Figures replay(String name, List<Event> events, Duration slack, String... thresholds) {
        List<String> args = new ArrayList<>(List.of("--center", "metro-311", "--csv", file(name).toString(), "--json"));
        for (String t : thresholds) {
            args.addAll(List.of("-t", t));
        }
        SpikesCommandTest.Run run = SpikesCommandTest.spikes(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        List<Start> starts = new ArrayList<>();
        for (JsonNode line : run.json()) {
            if (!line.get("action").asText().equals("start")) {
                continue;
            }
            LocalDateTime at = LocalDateTime.parse(line.get("time").asText());
            Duration per = Durations.parse(line.get("per").asText());
            Optional<Event> event = events.stream().filter(e -> at.minus(per).isBefore(e.to().plus(slack))
                    && at.isAfter(e.from().minus(slack))).findFirst();
            starts.add(new Start(at, Optional.ofNullable(line.get("topic").textValue()), line.get("observed").asLong(),
                    line.get("expected").asDouble(), per, event));
        }
        Map<Event, Optional<Start>> caught = new LinkedHashMap<>();
        events.forEach(e -> caught.put(e, starts.stream().filter(s -> s.event().equals(Optional.of(e))).findFirst()));
        Figures f = new Figures(name, starts, caught);
        f.print(thresholds.length == 0 ? "metro-311's thresholds" : "metro-311's thresholds with " + String.join(", ",
                thresholds));
        return f;
    }

    private static final List<Event> NYC = List.of(
            Event.days("cold snap (series maximum)", "2016-01-05", "2016-01-05"),
            Event.days("blizzard Jonas", "2016-01-22", "2016-01-26"),
            Event.days("blizzard Stella", "2017-03-14", "2017-03-16"),
            Event.days("cold wave and bomb cyclone", "2017-12-26", "2018-01-09"),
            Event.days("unknown cause", "2018-10-16", "2018-10-22"),
            Event.days("early snowstorm", "2018-11-15", "2018-11-16"));

    private static final List<Event> HOUSTON = List.of(
            Event.days("Hurricane Harvey", "2017-08-25", "2017-08-31"),
            Event.days("Harvey debris and recovery", "2017-09-05", "2017-09-20"),
            Event.days("hard freeze, burst pipes", "2018-01-16", "2018-01-18"),
            Event.days("unknown cause (series maximum)", "2018-05-08", "2018-05-08"),
            Event.days("Tropical Storm Imelda", "2019-09-19", "2019-09-24"));

    @Test
    void nycDaily_fewStarts_andTheyAreHonest() {
        Figures shipped = replay("nyc_311_daily_2016_2018.csv", NYC, DAILY_SLACK);
        // 311 requests in NYC's storms rise 1.3 to 1.6 times, under the 1.8 meant for calls at the switch: the
        // shipped thresholds start little here. What they start must be rare.
        assertThat(shipped.starts()).hasSizeLessThanOrEqualTo(3);
        assertThat(shipped.outside()).hasSizeLessThanOrEqualTo(2);
        // A center that tunes on this file would lower the ratio; the figures show the trade.
        Figures tuned = replay("nyc_311_daily_2016_2018.csv", NYC, DAILY_SLACK, "start-ratio=1.4");
        assertThat(tuned.caughtCount()).isGreaterThanOrEqualTo(2);
        assertThat(tuned.outside()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void houstonDaily_catchesHarveyAndImelda() {
        Figures shipped = replay("houston_311_daily_2017_2019.csv", HOUSTON, DAILY_SLACK);
        assertThat(shipped.caught().get(HOUSTON.getFirst())).as("Harvey").isPresent();
        assertThat(shipped.caught().get(HOUSTON.getLast())).as("Imelda").isPresent();
        assertThat(shipped.outside()).hasSizeLessThanOrEqualTo(2);
        replay("houston_311_daily_2017_2019.csv", HOUSTON, DAILY_SLACK, "start-ratio=1.4");
    }

    @Test
    void houstonTopTypes_harveyStartsAnnouncements_topicsAreNoisier() {
        // Each day's three most frequent types: a type missing from a day is unknown that day, not zero, and the
        // total is the sum of the three (the CLI's default for a file of counts).
        Figures f = replay("houston_311_daily_top3_types_2017_2019.csv", HOUSTON, DAILY_SLACK);
        assertThat(f.caught().get(HOUSTON.getFirst())).as("Harvey").isPresent();
        assertThat(f.caughtCount()).isGreaterThanOrEqualTo(3);
        // Types that enter and leave the top three make a noisy series; bound it loosely (about one a month).
        assertThat(f.outside()).hasSizeLessThanOrEqualTo(33);
    }

    @Test
    void nycTaxiHalfHours_catchLabelledSurges_notTheBlizzardDip() throws IOException {
        List<String> names = List.of("NYC Marathon", "Thanksgiving", "Christmas", "New Year",
                "blizzard (demand collapsed)");
        List<Event> labels = new ArrayList<>();
        List<String> rows = Files.readAllLines(file("nab_nyc_taxi_labels.csv"));
        for (int i = 1; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",");
            labels.add(new Event(i <= names.size() ? names.get(i - 1) : cells[0],
                    CallCsv.timestamp(cells[1], java.time.ZoneOffset.UTC).orElseThrow(),
                    CallCsv.timestamp(cells[2], java.time.ZoneOffset.UTC).orElseThrow()));
        }
        Figures f = replay("nab_nyc_taxi_30min_2014_2015.csv", labels, Duration.ZERO);
        assertThat(f.caught().get(labels.get(3))).as("New Year").isPresent();
        assertThat(f.caught().get(labels.get(4))).as("a dip is not a spike").isEmpty();
        assertThat(f.outside()).hasSizeLessThanOrEqualTo(2);
    }
}
