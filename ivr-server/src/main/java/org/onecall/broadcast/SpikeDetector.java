package org.onecall.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.onecall.broadcast.Baseline.Expected;
import org.onecall.broadcast.Episode.Verdict;
import org.onecall.config.Durations;
import org.onecall.config.SpikeSettings;

/**
 * Watches one center's call arrivals, overall and per topic, and decides when volume spikes and when it
 * settles. It is fed counts and asked for decisions; it never reads a clock, a file or the network, so the
 * server, a replay of last winter and a test all drive it the same way.
 *
 * <p>Arrivals are counted in buckets of the center's local time ({@code bucket}, aligned to midnight). When a
 * bucket has closed ({@link #decide} with an instant at or after its end), each scope's count is read against
 * its {@link Baseline}. A start needs a run of at least {@code start-after} buckets (up to {@code stop-after}),
 * each above the stop line, that together are hot: at least {@code min-count} calls, {@code start-ratio} times
 * the expected, and no more likely than {@code start-significance} under the baseline. Judging buckets together
 * lets a quiet center's 15-minute counts of 10 or 20 calls add up to evidence that each alone is too noisy to
 * give. A bucket is calm when under {@code stop-ratio} times the expected or likelier than
 * {@code stop-significance}; {@link Episode} turns hot and calm readings into starts and stops.
 *
 * <p>Daylight saving: buckets are local, so Monday 9:00 stays Monday 9:00 all year. The hour that does not
 * exist in spring is skipped; in autumn the repeated hour's second pass arrives for buckets already decided and
 * is not counted, which costs an hour of counting once a year and never reads as a doubled hour.
 *
 * <p>Not thread-safe: one owner feeds it (the server's scheduler, or a replay).
 */
public final class SpikeDetector {
    /** What it means when a scope has no count for a bucket. */
    public enum Missing {
        /** No call came. Right for arrivals counted call by call, as the server counts them. */
        ZERO,
        /**
         * Not reported: the bucket is neither judged nor learned from. Right for a series of counts that lists a
         * topic only on some days (a file of each day's top three request types).
         */
        UNKNOWN
    }

    private final SpikeSettings settings;
    private final ZoneId zone;
    private final Missing missing;
    private final LocalDateTime first;
    /** The first bucket not yet decided; arrivals for earlier buckets come too late and are ignored. */
    private LocalDateTime open;
    private final Map<Scope, Series> series = new TreeMap<>();

    /** One scope's counts, the readings of its last buckets and its announcement state. */
    private static final class Series {
        final NavigableMap<LocalDateTime, Long> counts = new TreeMap<>();
        /** Buckets of a start's run and of its announcement: the baseline leaves them out. */
        final NavigableSet<LocalDateTime> spikes = new TreeSet<>();
        final Deque<Reading> recent = new ArrayDeque<>();
        Episode episode = Episode.QUIET;
    }

    /** A closed bucket against its baseline; {@code expected} is empty while there is none. */
    private record Reading(long observed, Optional<Expected> expected, double significance) {
        double ratio() {
            double e = expected.map(Expected::count).orElse(0.0);
            return e > 0 ? observed / e : observed > 0 ? Double.POSITIVE_INFINITY : 1;
        }
    }

    /**
     * @param start the history starts with the bucket holding this instant: buckets from there on count (as zero
     *              when no call came), earlier ones are unknown
     */
    public SpikeDetector(SpikeSettings settings, ZoneId zone, Instant start) {
        this(settings, zone, start, Missing.ZERO);
    }

    /** A detector for a series of counts that may leave buckets out; see {@link Missing}. */
    public SpikeDetector(SpikeSettings settings, ZoneId zone, Instant start, Missing missing) {
        this.settings = settings;
        this.zone = zone;
        this.missing = missing;
        this.first = bucketOf(start);
        this.open = first;
        series(Scope.OVERALL);
    }

    /**
     * Counts {@code calls} arrivals at {@code at}: overall, and for the topic if one is known.
     *
     * @return false when their bucket has already been decided (they arrived too late) and they were not counted
     */
    public boolean count(Instant at, Optional<String> topic, long calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("a count of calls cannot be negative: " + calls);
        }
        LocalDateTime bucket = bucketOf(at);
        if (bucket.isBefore(open)) {
            return false;
        }
        series(Scope.OVERALL).counts.merge(bucket, calls, Long::sum);
        topic.ifPresent(t -> series(new Scope.Topic(t)).counts.merge(bucket, calls, Long::sum));
        return true;
    }

    /** Decides every bucket that has ended by {@code now}, oldest first; within a bucket, overall first. */
    public List<SpikeDecision> decide(Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        List<SpikeDecision> decisions = new ArrayList<>();
        while (!end(open).isAfter(local)) {
            if (!zone.getRules().getValidOffsets(open).isEmpty()) {
                for (var e : series.entrySet()) {
                    decide(e.getKey(), e.getValue(), open).ifPresent(decisions::add);
                }
            }
            open = end(open);
        }
        // The baseline looks back history-weeks from the open bucket; nothing older is needed again.
        LocalDateTime keep = open.minusWeeks(settings.historyWeeks()).minus(settings.bucket());
        series.values().forEach(s -> {
            s.counts.headMap(keep).clear();
            s.spikes.headSet(keep).clear();
        });
        return decisions;
    }

    /** The scopes with an announcement running, overall first. */
    public Set<Scope> active() {
        Set<Scope> active = new TreeSet<>();
        series.forEach((scope, s) -> {
            switch (s.episode) {
                case Episode.Active a -> active.add(scope);
                case Episode.Quiet q -> {
                }
            }
        });
        return active;
    }

    /** The start of the bucket holding an instant, in local time. */
    public LocalDateTime bucketOf(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        long length = settings.bucket().toSeconds();
        long slot = local.toLocalTime().toSecondOfDay() / length * length;
        return local.toLocalDate().atTime(LocalTime.ofSecondOfDay(slot));
    }

    private LocalDateTime end(LocalDateTime bucket) {
        return bucket.plus(settings.bucket());
    }

    private Series series(Scope scope) {
        return series.computeIfAbsent(scope, s -> new Series());
    }

    private Optional<SpikeDecision> decide(Scope scope, Series s, LocalDateTime bucket) {
        Optional<Baseline.Sample> counted = known(s, bucket);
        long observed = counted.map(Baseline.Sample::count).orElse(0L);
        boolean enoughHistory = Duration.between(first, bucket).compareTo(settings.minHistory()) >= 0;
        Optional<Expected> expected = enoughHistory && counted.isPresent()
                ? Baseline.expected(bucket, settings.bucket(), settings.historyWeeks(), b -> known(s, b))
                : Optional.empty();
        Reading reading = new Reading(observed, expected, expected
                .map(e -> Significance.upperTail(observed, e.count(), e.samples())).orElse(1.0));
        s.recent.addLast(reading);
        while (s.recent.size() > Math.max(settings.startAfter(), settings.stopAfter())) {
            s.recent.removeFirst();
        }
        Optional<Run> hot = hotRun(s.recent);
        Verdict verdict = expected.isEmpty() ? Verdict.UNKNOWN
                : hot.isPresent() ? Verdict.HOT
                : reading.ratio() < settings.stopRatio() || reading.significance() > settings.stopSignificance()
                ? Verdict.CALM : Verdict.ELEVATED;

        LocalDateTime end = end(bucket);
        Episode.Step step = Episode.next(s.episode, verdict, end, settings);
        s.episode = step.next();
        Instant at = end.atZone(zone).toInstant();
        return switch (step.change()) {
            case NONE -> {
                if (s.episode instanceof Episode.Active) {
                    s.spikes.add(bucket);
                }
                yield Optional.empty();
            }
            case STARTED -> {
                Run run = hot.orElseThrow();
                for (int i = 0; i < run.buckets(); i++) {
                    s.spikes.add(bucket.minus(settings.bucket().multipliedBy(i)));
                }
                yield Optional.of(new SpikeDecision.Start(at, scope, run.together().observed(),
                        expectedCount(run.together()), settings.bucket().multipliedBy(run.buckets()), startRule(run)));
            }
            case STOPPED -> {
                // A new start needs new evidence, not the tail of this surge.
                s.recent.clear();
                yield Optional.of(new SpikeDecision.Stop(at, scope, observed, expectedCount(reading),
                        settings.bucket(), stopRule(reading)));
            }
        };
    }

    /** The last {@code buckets} buckets judged as one. */
    private record Run(Reading together, int buckets) {
    }

    /**
     * The shortest hot run of buckets ending with the newest: at least start-after of them, each with a baseline
     * and above the stop line (a hot half hour is not one wild bucket beside an ordinary one), their calls and
     * expectations added up. A surge too weak to show in start-after buckets of a quiet center shows in more,
     * up to stop-after; a brief blip in a big one does not last that long.
     */
    private Optional<Run> hotRun(Deque<Reading> recent) {
        long observed = 0;
        double expected = 0;
        int samples = Integer.MAX_VALUE;
        Baseline.Source source = Baseline.Source.WEEKDAY_AND_TIME;
        int buckets = 0;
        for (var it = recent.descendingIterator(); it.hasNext(); ) {
            Reading r = it.next();
            if (r.expected().isEmpty() || r.ratio() < settings.stopRatio()) {
                return Optional.empty();
            }
            Expected e = r.expected().get();
            observed += r.observed();
            expected += e.count();
            samples = Math.min(samples, e.samples());
            source = e.source().compareTo(source) > 0 ? e.source() : source;
            buckets++;
            if (buckets >= settings.startAfter()) {
                Reading together = new Reading(observed, Optional.of(new Expected(expected, samples, source)),
                        Significance.upperTail(observed, expected, samples));
                if (hot(together)) {
                    return Optional.of(new Run(together, buckets));
                }
            }
        }
        return Optional.empty();
    }

    private boolean hot(Reading w) {
        return w.observed() >= settings.minCount() && w.ratio() >= settings.startRatio()
                && w.significance() <= settings.startSignificance();
    }

    /** A bucket's count, if it is known: decided or being decided, and counted (or a zero that counts). */
    private Optional<Baseline.Sample> known(Series s, LocalDateTime bucket) {
        if (bucket.isBefore(first) || bucket.isAfter(open) || zone.getRules().getValidOffsets(bucket).isEmpty()) {
            return Optional.empty();
        }
        Long count = s.counts.get(bucket);
        return switch (missing) {
            case ZERO -> Optional.of(new Baseline.Sample(count == null ? 0 : count, s.spikes.contains(bucket)));
            case UNKNOWN -> Optional.ofNullable(count).map(c -> new Baseline.Sample(c, s.spikes.contains(bucket)));
        };
    }

    private static double expectedCount(Reading r) {
        return r.expected().map(Expected::count).orElse(0.0);
    }

    private String startRule(Run run) {
        Reading w = run.together();
        Expected e = w.expected().orElseThrow();
        return String.format(Locale.ROOT, "hot over %d bucket(s): ratio %s >= %s, p %.1e <= %s, %d >= %d calls;"
                        + " baseline from %s (%d sample(s))", run.buckets(), ratio(w), settings.startRatio(),
                w.significance(), settings.startSignificance(), w.observed(), settings.minCount(), e.source().words,
                e.samples());
    }

    private String stopRule(Reading r) {
        return String.format(Locale.ROOT, "calm for %d bucket(s): ratio %s < %s or p %.2g > %s; ran at least %s",
                settings.stopAfter(), ratio(r), settings.stopRatio(), r.significance(), settings.stopSignificance(),
                Durations.format(settings.minActive()));
    }

    private static String ratio(Reading r) {
        double ratio = r.ratio();
        return Double.isInfinite(ratio) ? "inf" : String.format(Locale.ROOT, "%.2f", ratio);
    }
}
