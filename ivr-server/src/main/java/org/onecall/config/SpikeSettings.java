package org.onecall.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * When call volume counts as a spike: the spike detector's thresholds, the {@code spikes:} section of a
 * center file. Every default is here; config/centers/README.md explains each key.
 *
 * @param bucket            arrivals are counted per bucket of this length, aligned to midnight local time
 * @param historyWeeks      the baseline is the median of the same weekday and time over this many past weeks
 * @param minHistory        no start before this much history has been counted
 * @param minCount          the fewest calls, over the run of buckets judged, that can start anything: 3 calls are
 *                          never a spike
 * @param startRatio        observed / expected at or above which a bucket can be hot
 * @param startSignificance the chance of so many calls under the baseline at or below which a bucket can be hot
 * @param startAfter        the shortest run of buckets in a row that can start an announcement, judged together
 * @param stopRatio         observed / expected below which a bucket is calm
 * @param stopSignificance  the chance above which a bucket is calm (its excess could be chance)
 * @param stopAfter         consecutive calm buckets that stop it
 * @param minActive         an announcement runs at least this long once started
 */
public record SpikeSettings(Duration bucket, int historyWeeks, Duration minHistory, int minCount, double startRatio,
                            double startSignificance, int startAfter, double stopRatio, double stopSignificance,
                            int stopAfter, Duration minActive) {
    // Before DEFAULTS: the constructor checks the bucket against it.
    private static final Duration DAY = Duration.ofDays(1);

    public static final SpikeSettings DEFAULTS = new SpikeSettings(Duration.ofMinutes(15), 4, Duration.ofDays(14), 8,
            1.8, 1e-6, 2, 1.3, 0.05, 4, Duration.ofHours(1));

    /** The keys of the spikes section, in the order the README lists them. */
    public static final List<String> KEYS = List.of("bucket", "history-weeks", "min-history", "min-count",
            "start-ratio", "start-significance", "start-after", "stop-ratio", "stop-significance", "stop-after",
            "min-active");

    public SpikeSettings {
        // The reader reports bad values with the file and key; this only stops a programming error.
        if (!dividesDay(bucket) || historyWeeks < 1 || minCount < 1 || startAfter < 1 || stopAfter < 1) {
            throw new IllegalArgumentException("invalid spike settings " + bucket + " " + historyWeeks);
        }
    }

    /** The same thresholds counted in buckets of another length (a replay of daily or half-hourly data). */
    public SpikeSettings withBucket(Duration other) {
        return new SpikeSettings(other, historyWeeks, minHistory, minCount, startRatio, startSignificance, startAfter,
                stopRatio, stopSignificance, stopAfter, minActive);
    }

    /**
     * A bucket must tile a day so that every day has the same slots (9:00-9:15 on Monday is compared with
     * 9:00-9:15 on the Mondays before).
     */
    public static boolean dividesDay(Duration d) {
        return d != null && d.compareTo(Duration.ofMinutes(1)) >= 0 && d.compareTo(DAY) <= 0
                && d.toSeconds() % 60 == 0 && DAY.toSeconds() % d.toSeconds() == 0;
    }

    /**
     * Reads the keys present in {@code values} over {@code base}, then checks that they agree with each other.
     * Problems name {@code file} and {@code prefix + key}; the result is {@code base}'s value wherever one was bad.
     */
    public static SpikeSettings read(Map<String, String> values, SpikeSettings base, String file, String prefix,
                                     List<Problem> problems) {
        var r = new Object() {
            <T> T value(String key, T dflt, Function<String, T> parse, Predicate<T> ok, String expected) {
                String v = values.get(key);
                if (v == null) {
                    return dflt;
                }
                try {
                    T value = parse.apply(v.strip());
                    if (ok.test(value)) {
                        return value;
                    }
                } catch (IllegalArgumentException e) {
                    // reported below
                }
                problems.add(new Problem(file, prefix + key, "'" + v + "' is not " + expected));
                return dflt;
            }

            int count(String key, int dflt, int max) {
                return value(key, dflt, Integer::parseInt, n -> n >= 1 && n <= max, "a whole number from 1 to " + max);
            }

            double number(String key, double dflt, double min, double max, String what) {
                return value(key, dflt, Double::parseDouble, d -> d >= min && d <= max, what);
            }

            Duration duration(String key, Duration dflt, Duration min, Duration max) {
                return value(key, dflt, Durations::parse, d -> d.compareTo(min) >= 0 && d.compareTo(max) <= 0,
                        "a duration from " + Durations.format(min) + " to " + Durations.format(max) + ", like 2h or 7d");
            }
        };
        values.keySet().stream().filter(k -> !KEYS.contains(k)).sorted().forEach(k -> problems.add(
                new Problem(file, prefix + k, "unknown key; the spikes keys are " + KEYS)));

        Duration bucket = r.value("bucket", base.bucket(), Durations::parse, SpikeSettings::dividesDay,
                "a bucket length that divides a day evenly, from 1m to 1d, like 15m, 30m, 1h or 1d");
        int weeks = r.count("history-weeks", base.historyWeeks(), 52);
        Duration minHistory = r.duration("min-history", base.minHistory(), Duration.ZERO, Duration.ofDays(7L * 52));
        int minCount = r.count("min-count", base.minCount(), 1_000_000);
        double startRatio = r.number("start-ratio", base.startRatio(), 1.01, 100,
                "a ratio of observed to expected calls from 1.01 to 100, like 1.8");
        double startSig = r.number("start-significance", base.startSignificance(), 1e-12, 0.25,
                "a probability from 1e-12 to 0.25, like 1e-6 (smaller starts less often)");
        int startAfter = r.count("start-after", base.startAfter(), 1000);
        double stopRatio = r.number("stop-ratio", base.stopRatio(), 1.0, 100,
                "a ratio of observed to expected calls from 1.0 to 100, like 1.3");
        double stopSig = r.number("stop-significance", base.stopSignificance(), 1e-12, 0.5,
                "a probability from 1e-12 to 0.5, like 0.05");
        int stopAfter = r.count("stop-after", base.stopAfter(), 1000);
        Duration minActive = r.duration("min-active", base.minActive(), Duration.ZERO, Duration.ofDays(30));

        // Hysteresis needs the stop thresholds below the start ones, or one bucket could be both hot and calm.
        if (stopRatio > startRatio) {
            problems.add(new Problem(file, prefix + "stop-ratio", "is " + stopRatio + ", above start-ratio " + startRatio
                    + "; make it lower, like " + round((1 + startRatio) / 2)));
        }
        if (stopSig < startSig) {
            problems.add(new Problem(file, prefix + "stop-significance", "is " + stopSig
                    + ", below start-significance " + startSig + "; make it at least as large, like 0.05"));
        }
        if (stopAfter < startAfter) {
            problems.add(new Problem(file, prefix + "stop-after", "is " + stopAfter + ", fewer than start-after "
                    + startAfter + "; stopping must take at least as long as starting, or a surge that dips flaps"));
        }
        Duration history = Duration.ofDays(7L * weeks);
        if (minHistory.compareTo(history) > 0) {
            problems.add(new Problem(file, prefix + "min-history", "is " + Durations.format(minHistory)
                    + ", longer than the " + weeks + " history-weeks kept; make it at most " + Durations.format(history)));
        }
        return new SpikeSettings(bucket, weeks, minHistory, minCount, startRatio, startSig, startAfter, stopRatio,
                stopSig, stopAfter, minActive);
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    /** The keys and values as a center file writes them, for a summary line. */
    public String describe() {
        return "bucket " + Durations.format(bucket) + ", history-weeks " + historyWeeks + ", min-history "
                + Durations.format(minHistory) + ", min-count " + minCount + ", start-ratio " + startRatio
                + ", start-significance " + startSignificance + ", start-after " + startAfter + ", stop-ratio "
                + stopRatio + ", stop-significance " + stopSignificance + ", stop-after " + stopAfter + ", min-active "
                + Durations.format(minActive);
    }
}
