package org.onecall.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.onecall.broadcast.Scope;
import org.onecall.broadcast.SpikeDecision;
import org.onecall.broadcast.SpikeDetector;
import org.onecall.broadcast.SpikeReplay;
import org.onecall.config.Center;
import org.onecall.config.ConfigException;
import org.onecall.config.Durations;
import org.onecall.config.OneCallConfig;
import org.onecall.config.Problem;
import org.onecall.config.SpikeSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "spikes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays a history of calls through the spike detector with a center's thresholds and prints"
                + " when announcements would have started and stopped: tune the spikes: section of a center file on"
                + " last winter before trusting it.",
                "The CSV has a header. A time column is required (timestamp: ISO-8601 local time like"
                        + " 2026-01-15T09:30:00, or date: 2026-01-15 for daily counts); topic and count are optional"
                        + " (no count: one row per call). Counts every 30 minutes or once a day are judged in buckets"
                        + " of that length.",
                "Exit codes: 0 done, 1 the configuration is invalid, 2 bad input (the CSV, a threshold, the center)."})
final class SpikesCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    @Mixin
    ConfigOptions options;

    @Option(names = "--center", required = true, paramLabel = "ID", description = "The center whose thresholds to use.")
    String centerId;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The history of calls.")
    Path csv;

    @Option(names = "--json", description = "One JSON object per line for each start or stop, nothing else.")
    boolean json;

    @Option(names = "--time-column", paramLabel = "NAME", description = "Default: timestamp, date, time or datetime.")
    String timeColumn;

    @Option(names = "--topic-column", paramLabel = "NAME",
            description = "Default: topic, else type; none to judge only the overall volume.")
    String topicColumn;

    @Option(names = "--count-column", paramLabel = "NAME",
            description = "Default: count, calls or value; none for one row per call.")
    String countColumn;

    @Option(names = "--missing", paramLabel = "zero|unknown", description = "What a topic without a row at some time"
            + " means. Default: unknown when the file has counts (a file of each day's top types leaves the others"
            + " out), zero for one row per call (no row, no call).")
    String missing;

    @Option(names = {"-t", "--threshold"}, paramLabel = "KEY=VALUE",
            description = "Try a spikes: key without editing the center file, e.g. -t start-ratio=1.4. Repeatable.")
    Map<String, String> thresholds = new LinkedHashMap<>();

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() {
        OneCallConfig config;
        try {
            config = options.loader().load();
        } catch (ConfigException e) {
            ConfigOptions.printProblems(options.directory() + ":", e);
            return 1;
        }
        Optional<Center> found = config.center(centerId);
        if (found.isEmpty()) {
            err.println("no center '" + centerId + "'; the centers are " + config.centers().stream().map(Center::id).toList());
            return 2;
        }
        Center center = found.get();
        List<Problem> problems = new ArrayList<>();
        SpikeSettings settings = SpikeSettings.read(thresholds, center.spikes(), "--threshold", "", problems);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(p));
            return 2;
        }
        if (missing != null && !List.of("zero", "unknown").contains(missing)) {
            err.println("--missing: '" + missing + "' is not zero or unknown");
            return 2;
        }
        ZoneId zone = center.timezone();
        CallCsv.History history;
        try {
            history = CallCsv.read(csv, zone, new CallCsv.Columns(Optional.ofNullable(timeColumn),
                    Optional.ofNullable(topicColumn), Optional.ofNullable(countColumn)));
        } catch (CallCsv.BadCsv e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("cannot read " + csv + ": " + e.getMessage());
            return 2;
        }
        SpikeReplay.Result result;
        try {
            SpikeDetector.Missing gaps = missing != null ? SpikeDetector.Missing.valueOf(missing.toUpperCase(Locale.ROOT))
                    : history.countColumn().isPresent() ? SpikeDetector.Missing.UNKNOWN : SpikeDetector.Missing.ZERO;
            result = SpikeReplay.run(settings, zone, history.step(), gaps, history.counts());
        } catch (IllegalArgumentException e) {
            err.println(csv + ": " + e.getMessage());
            return 2;
        }
        String counting = result.bucket().equals(settings.bucket())
                ? "buckets of " + Durations.format(result.bucket())
                : "buckets of " + Durations.format(result.bucket()) + " (the data's own step; the center's bucket is "
                + Durations.format(settings.bucket()) + ")";
        if (json) {
            if (!result.bucket().equals(settings.bucket())) {
                err.println("spikes: counting in " + counting);
            }
            ObjectMapper mapper = new ObjectMapper();
            for (SpikeDecision d : result.decisions()) {
                try {
                    out.println(mapper.writeValueAsString(jsonLine(d, zone)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return 0;
        }
        table(center, settings, history, result, counting, zone);
        return 0;
    }

    private Map<String, Object> jsonLine(SpikeDecision d, ZoneId zone) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", local(d, zone).format(TIME));
        line.put("action", switch (d) {
            case SpikeDecision.Start s -> "start";
            case SpikeDecision.Stop s -> "stop";
        });
        line.put("topic", switch (d.scope()) {
            case Scope.Overall o -> null;
            case Scope.Topic t -> t.id();
        });
        line.put("observed", d.observed());
        line.put("expected", round(d.expected()));
        line.put("per", Durations.format(d.per()));
        line.put("ratio", d.expected() > 0 ? round(d.observed() / d.expected()) : null);
        line.put("rule", d.rule());
        return line;
    }

    private void table(Center center, SpikeSettings settings, CallCsv.History h, SpikeReplay.Result result,
                       String counting, ZoneId zone) {
        TreeSet<String> topics = new TreeSet<>();
        h.counts().values().forEach(m -> m.keySet().forEach(t -> t.ifPresent(topics::add)));
        out.printf(Locale.ROOT, "%s (%s, %s): %s, %d rows, %d calls, %s to %s%n", center.id(), center.name(), zone,
                csv.getFileName(), h.rows(), h.calls(), h.counts().firstKey().format(TABLE_TIME),
                h.counts().lastKey().format(TABLE_TIME));
        out.println("counting: " + counting + "; " + h.topicColumn()
                .map(c -> topics.size() + " topic(s) from column '" + c + "', each judged on its own and overall")
                .orElse("no topic column, so overall volume only"));
        out.println("thresholds: " + settings.withBucket(result.bucket()).describe());
        out.println();
        if (result.decisions().isEmpty()) {
            out.println("no announcement would have started.");
        } else {
            out.printf("%-16s  %-6s  %-28s %9s %10s %5s %6s  %s%n", "time", "action", "topic", "observed", "expected",
                    "per", "ratio", "rule");
            for (SpikeDecision d : result.decisions()) {
                out.printf(Locale.ROOT, "%-16s  %-6s  %-28s %9d %10.1f %5s %6s  %s%n", local(d, zone).format(TABLE_TIME),
                        d instanceof SpikeDecision.Start ? "start" : "stop", d.scope(), d.observed(), d.expected(),
                        Durations.format(d.per()), d.expected() > 0
                                ? String.format(Locale.ROOT, "%.2f", d.observed() / d.expected()) : "-", d.rule());
            }
        }
        out.println();
        out.println(summary(result, zone));
    }

    /** "5 starts and 4 stops (overall 2, topics 3); still active at the end: overall since ...". */
    static String summary(SpikeReplay.Result result, ZoneId zone) {
        long starts = result.decisions().stream().filter(d -> d instanceof SpikeDecision.Start).count();
        long stops = result.decisions().size() - starts;
        long overall = result.decisions().stream()
                .filter(d -> d instanceof SpikeDecision.Start && d.scope() instanceof Scope.Overall).count();
        Map<Scope, LocalDateTime> since = new TreeMap<>();
        for (SpikeDecision d : result.decisions()) {
            if (d instanceof SpikeDecision.Start) {
                since.put(d.scope(), local(d, zone));
            }
        }
        String active = result.activeAtEnd().isEmpty() ? "none" : String.join(", ", new TreeSet<>(result.activeAtEnd())
                .stream().map(s -> s + " since " + since.get(s).format(TABLE_TIME)).toList());
        return String.format(Locale.ROOT, "summary: %d start(s) and %d stop(s) (overall %d, topics %d); still active at"
                + " the end: %s", starts, stops, overall, starts - overall, active);
    }

    private static LocalDateTime local(SpikeDecision d, ZoneId zone) {
        return LocalDateTime.ofInstant(d.at(), zone);
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
