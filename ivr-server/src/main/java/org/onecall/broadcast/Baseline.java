package org.onecall.broadcast;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The count a bucket is expected to have, learned from the buckets before it. Monday 9:00 is compared with
 * the Mondays 9:00 of the past weeks, not with Sunday 3:00. While the history holds no such Monday yet, with
 * 9:00 on every recent day; failing that, with the mean of every bucket kept.
 *
 * <p>Robust by leaving out what is known to be unusual, then averaging the rest:
 * <ul>
 * <li>buckets that were part of a spike of this scope, so last month's storm Monday does not make this Monday
 * look calm; but only while they are the minority of the samples, so a lasting rise becomes the new normal, and
 * one ordinary sample left beside three spikes cannot hold the baseline down for ever;</li>
 * <li>the lowest sample once three remain: a holiday Monday would otherwise make the next Mondays look like
 * spikes.</li>
 * </ul>
 * A mean rather than a median: at a few calls a bucket the median of four weeks is often 0 when the rate is 1,
 * and the significance test would then find any call astonishing. Leaving out the lowest leans the estimate a
 * little high, which errs toward not starting.
 */
final class Baseline {
    /** Where an expected count came from, from the most to the least specific. */
    enum Source {
        WEEKDAY_AND_TIME("the same weekday and time"),
        TIME_OF_DAY("the same time on every day"),
        ALL_BUCKETS("every bucket");

        final String words;

        Source(String words) {
            this.words = words;
        }
    }

    /**
     * @param count   calls expected in the bucket
     * @param samples how many past buckets it rests on: fewer make a count less surprising
     */
    record Expected(double count, int samples, Source source) {
    }

    /** A past bucket's count, and whether it was part of a spike. */
    record Sample(long count, boolean spike) {
    }

    /** A scope's past buckets: empty where nothing is known (before the history, or a local time that never was). */
    interface History {
        Optional<Sample> at(LocalDateTime bucket);
    }

    private Baseline() {
    }

    static Optional<Expected> expected(LocalDateTime bucket, Duration length, int weeks, History history) {
        List<Sample> sameSlot = new ArrayList<>();
        for (int w = 1; w <= weeks; w++) {
            history.at(bucket.minusWeeks(w)).ifPresent(sameSlot::add);
        }
        if (!sameSlot.isEmpty()) {
            return Optional.of(mean(sameSlot, Source.WEEKDAY_AND_TIME));
        }
        List<Sample> sameTime = new ArrayList<>();
        for (int d = 1; d <= 7 * weeks; d++) {
            history.at(bucket.minusDays(d)).ifPresent(sameTime::add);
        }
        if (!sameTime.isEmpty()) {
            return Optional.of(mean(sameTime, Source.TIME_OF_DAY));
        }
        List<Sample> all = new ArrayList<>();
        for (LocalDateTime b = bucket.minus(length), first = bucket.minusWeeks(weeks); !b.isBefore(first);
             b = b.minus(length)) {
            history.at(b).ifPresent(all::add);
        }
        if (all.isEmpty()) {
            return Optional.empty();
        }
        // A mean over a day's rhythm is no better than one sample of the slot, so it counts as one.
        return Optional.of(new Expected(mean(all, Source.ALL_BUCKETS).count(), 1, Source.ALL_BUCKETS));
    }

    private static Expected mean(List<Sample> samples, Source source) {
        List<Sample> ordinary = samples.stream().filter(s -> !s.spike()).toList();
        List<Long> used = new ArrayList<>((2 * ordinary.size() >= samples.size() ? ordinary : samples).stream()
                .map(Sample::count).sorted().toList());
        if (used.size() >= 3) {
            used.removeFirst();
        }
        double mean = used.stream().mapToLong(Long::longValue).average().orElseThrow();
        return new Expected(mean, used.size(), source);
    }
}
