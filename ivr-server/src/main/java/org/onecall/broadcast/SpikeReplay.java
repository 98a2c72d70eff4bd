package org.onecall.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;

import org.onecall.config.SpikeSettings;

/**
 * A history of arrivals run through a {@link SpikeDetector} as if it were happening: what a center would have
 * seen last winter with these thresholds. The same detector the server runs, fed in time order, asked for
 * decisions as each bucket closes.
 */
public final class SpikeReplay {
    /**
     * @param bucket      the bucket length used (the center's, or the data's own step when that is coarser)
     * @param activeAtEnd scopes whose announcement was still running when the history ended
     */
    public record Result(Duration bucket, List<SpikeDecision> decisions, Set<Scope> activeAtEnd) {
        public Result {
            decisions = List.copyOf(decisions);
            activeAtEnd = Set.copyOf(activeAtEnd);
        }
    }

    private SpikeReplay() {
    }

    /**
     * The bucket to count a history in. Counts that come every 30 minutes or once a day cannot be split into
     * 15-minute buckets (every other bucket would be empty), so a step coarser than the configured bucket
     * widens it to the shortest length that covers the step and still tiles a day.
     *
     * @param step the spacing of the data's timestamps, when it has one
     * @throws IllegalArgumentException when the step is longer than a day
     */
    public static Duration bucketFor(Duration configured, Optional<Duration> step) {
        if (step.isEmpty() || step.get().compareTo(configured) <= 0) {
            return configured;
        }
        for (long minutes = step.get().toMinutes(); minutes <= Duration.ofDays(1).toMinutes(); minutes++) {
            Duration d = Duration.ofMinutes(minutes);
            if (d.compareTo(step.get()) >= 0 && SpikeSettings.dividesDay(d)) {
                return d;
            }
        }
        throw new IllegalArgumentException("the data's timestamps are " + step.get().toDays()
                + " days apart; the detector needs daily or finer counts");
    }

    /**
     * Replays counts (local time -> topic, or none -> calls) in time order.
     *
     * @param step    the spacing of the data's timestamps, when it has one (see {@link #bucketFor})
     * @param missing what a topic with no count at some time means
     */
    public static Result run(SpikeSettings configured, ZoneId zone, Optional<Duration> step,
                             SpikeDetector.Missing missing,
                             NavigableMap<LocalDateTime, Map<Optional<String>, Long>> counts) {
        SpikeSettings settings = configured.withBucket(bucketFor(configured.bucket(), step));
        if (counts.isEmpty()) {
            return new Result(settings.bucket(), List.of(), Set.of());
        }
        SpikeDetector detector = new SpikeDetector(settings, zone, instant(counts.firstKey(), zone), missing);
        List<SpikeDecision> decisions = new ArrayList<>();
        counts.forEach((time, byTopic) -> {
            Instant at = instant(time, zone);
            // Every bucket before this arrival has closed: decide them before counting it.
            decisions.addAll(detector.decide(at));
            byTopic.forEach((topic, n) -> detector.count(at, topic, n));
        });
        LocalDateTime lastBucket = detector.bucketOf(instant(counts.lastKey(), zone));
        decisions.addAll(detector.decide(instant(lastBucket.plus(settings.bucket()), zone)));
        return new Result(settings.bucket(), decisions, detector.active());
    }

    private static Instant instant(LocalDateTime t, ZoneId zone) {
        return t.atZone(zone).toInstant();
    }
}
