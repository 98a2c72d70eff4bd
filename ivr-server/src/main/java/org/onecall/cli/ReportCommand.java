package org.onecall.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.onecall.config.Center;
import org.onecall.config.OneCallConfig;
import org.onecall.store.Database;
import org.onecall.store.Statistics;
import org.onecall.store.Statistics.Report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Statistics of a center from its call records, as 311 centers publish them. Works whether"
                + " the server runs or not.")
final class ReportCommand implements Callable<Integer> {
    enum Period { day, week, month }

    enum Format { table, csv, json }

    @Mixin
    ConfigOptions options;

    @Option(names = "--center", required = true, paramLabel = "ID")
    String centerId;

    @Option(names = "--period", paramLabel = "day|week|month", description = "The last day, 7 days or 30 days up"
            + " to today in the center's time zone (default: week).")
    Period period = Period.week;

    /** The center's time zone, once known. */
    private ZoneId zone = ZoneId.of("UTC");

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (overrides --period).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day, included (default: today).")
    LocalDate to;

    @Option(names = "--format", paramLabel = "table|csv|json")
    Format format = Format.table;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        Optional<OneCallConfig> loaded = options.loadOrPrint();
        if (loaded.isEmpty()) {
            return 1;
        }
        OneCallConfig config = loaded.get();
        Optional<Center> center = ConfigOptions.center(config, centerId);
        if (center.isEmpty()) {
            return 2;
        }
        if (!config.server().database().enabled()) {
            System.err.println("records are off (records.enabled = false): there is nothing to report");
            return 1;
        }
        zone = center.get().timezone();
        LocalDate last = to != null ? to : LocalDate.now(zone);
        LocalDate first = from != null ? from : switch (period) {
            case day -> last;
            case week -> last.minusDays(6);
            case month -> last.minusDays(29);
        };
        if (first.isAfter(last)) {
            System.err.println("--from " + first + " is after --to " + last);
            return 2;
        }
        Report report;
        try (Database db = Database.connect(config.server().database())) {
            if (!db.migrated()) {
                System.err.println("the records database does not answer; see the server's log");
                return 1;
            }
            report = Statistics.compute(db, centerId, zone, first, last, java.time.Instant.now());
        } catch (IOException | SQLException e) {
            System.err.println("cannot read the records: " + e.getMessage());
            return 1;
        }
        switch (format) {
            case json -> out.println(new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report));
            case csv -> csv(report);
            case table -> table(report);
        }
        return 0;
    }

    private void table(Report r) {
        boolean soFar = !r.to().isBefore(LocalDate.now(zone));
        out.printf("%s, %s to %s%s%n", r.center(), r.from(), r.to(),
                soFar ? " (so far; a year earlier: up to the same time)" : "");
        Optional<Report> y = r.yearEarlier();
        out.printf("  %-28s %10s%s%n", "", "calls", y.isPresent() ? "   a year earlier" : "");
        row("calls", r.calls(), y.map(Report::calls));
        row("offered to an agent", r.offered(), y.map(Report::offered));
        row("answered", r.answered(), y.map(Report::answered));
        out.printf("  %-28s %10s%s%n", "answer rate", percent(r.answerRate()),
                y.map(p -> "   " + percent(p.answerRate())).orElse(""));
        out.printf("  %-28s %10s%s%n", "average time in menus", seconds(r.averageMenuSeconds()),
                y.map(p -> "   " + seconds(p.averageMenuSeconds())).orElse(""));
        out.printf("  %-28s %10s%s%n", "average wait for an agent", seconds(r.averageWaitSeconds()),
                y.map(p -> "   " + seconds(p.averageWaitSeconds())).orElse(""));
        out.printf("  %-28s %10s%n", "survey average (1-5)", r.averageSurvey() == null ? "-"
                : r.averageSurvey() + " (" + r.surveys() + ")");
        section("how calls were handled", r.outcomes());
        section("top topics", r.topTopics());
        section("languages", r.languages());
        section("districts", r.districts());
        TreeSet<String> topics = new TreeSet<>();
        r.byHourAndTopic().values().forEach(m -> topics.addAll(m.keySet()));
        if (!topics.isEmpty()) {
            out.println("calls by hour of day and topic:");
            out.printf("  %-5s", "hour");
            topics.forEach(t -> out.printf(" %15s", t));
            out.println();
            r.byHourAndTopic().forEach((h, m) -> {
                out.printf("  %02d   ", h);
                topics.forEach(t -> out.printf(" %15d", m.getOrDefault(t, 0L)));
                out.println();
            });
        }
    }

    private void row(String label, long now, Optional<Long> before) {
        out.printf("  %-28s %10d%s%n", label, now, before.map(b -> String.format("   %10d", b)).orElse(""));
    }

    private void section(String title, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        out.println(title + ":");
        counts.forEach((k, v) -> out.printf("  %-28s %10d%n", k, v));
    }

    private void csv(Report r) {
        out.println("section,key,value");
        out.println("summary,calls," + r.calls());
        out.println("summary,offered," + r.offered());
        out.println("summary,answered," + r.answered());
        out.println("summary,answer_rate," + (r.answerRate() == null ? "" : r.answerRate()));
        out.println("summary,average_menu_seconds," + nullable(r.averageMenuSeconds()));
        out.println("summary,average_wait_seconds," + nullable(r.averageWaitSeconds()));
        out.println("summary,average_survey," + nullable(r.averageSurvey()));
        r.outcomes().forEach((k, v) -> out.println("outcome," + k + "," + v));
        r.topTopics().forEach((k, v) -> out.println("topic," + k + "," + v));
        r.languages().forEach((k, v) -> out.println("language," + k + "," + v));
        r.districts().forEach((k, v) -> out.println("district," + k + "," + v));
        r.byHourAndTopic().forEach((h, m) -> m.forEach((t, v) -> out.println("hour_topic," + h + ":" + t + "," + v)));
        r.yearEarlier().ifPresent(y -> {
            out.println("year_earlier,calls," + y.calls());
            out.println("year_earlier,answer_rate," + (y.answerRate() == null ? "" : y.answerRate()));
        });
    }

    private static String nullable(Double d) {
        return d == null ? "" : d.toString();
    }

    private static String percent(Double d) {
        return d == null ? "-" : String.format("%.1f%%", d * 100);
    }

    private static String seconds(Double d) {
        return d == null ? "-" : String.format("%.1f s", d);
    }
}
