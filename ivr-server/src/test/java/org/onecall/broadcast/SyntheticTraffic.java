package org.onecall.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.onecall.TestClock;

/**
 * Made-up 311 traffic with a city's rhythm: Poisson arrivals minute by minute, busy late mornings and quiet
 * nights, busy Mondays and quiet Sundays, and days that run above or below their usual volume (log-normal,
 * 10% by default, beyond the Poisson noise). Surges multiply the rate of one topic or of every topic over a
 * stretch of local time. Everything comes from one seed.
 */
final class SyntheticTraffic {
    /** Relative call rate by hour of day, for a center open around the clock. */
    private static final double[] HOURS = {0.12, 0.08, 0.06, 0.05, 0.06, 0.12, 0.35, 0.8, 1.4, 1.8, 1.9, 1.85, 1.7,
            1.75, 1.7, 1.6, 1.45, 1.25, 1.0, 0.85, 0.7, 0.5, 0.3, 0.2};
    /** Relative call rate by weekday, Monday first. */
    private static final double[] DAYS = {1.2, 1.1, 1.05, 1.05, 0.95, 0.55, 0.45};
    private static final double MEAN_SHAPE = mean(HOURS) * mean(DAYS);

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** A Monday. */
    static final LocalDateTime START = LocalDateTime.of(2026, 1, 5, 0, 0);
    /** The topics of the made-up center and their shares of calls. */
    static final Map<String, Double> TOPICS = Map.of("trash", 0.40, "streets", 0.25, "noise", 0.15, "parking", 0.12,
            "water", 0.08);
    static final double QUIET = 15 * 24;
    static final double CITY = 50_000;

    /** A change of one topic's rate (or all topics', topic empty) by a factor over [from, to) local time. */
    private record Surge(Optional<String> topic, LocalDateTime from, LocalDateTime to, double factor) {
    }

    private final double callsPerDay;
    private final Map<String, Double> shares;
    private final Random random;
    private final double dayNoise;
    private final List<Surge> surges = new ArrayList<>();
    private final Map<LocalDate, Double> dayFactors = new HashMap<>();

    /** @param callsPerDay the average over a week */
    SyntheticTraffic(double callsPerDay, long seed) {
        this.callsPerDay = callsPerDay;
        this.shares = new TreeMap<>(TOPICS);  // a fixed order, so a seed gives the same traffic in every run
        this.random = new Random(seed);
        this.dayNoise = 0.10;
    }

    /** Every topic's rate times {@code factor}. */
    SyntheticTraffic surge(LocalDateTime from, Duration length, double factor) {
        surges.add(new Surge(Optional.empty(), from, from.plus(length), factor));
        return this;
    }

    /** One topic's rate times {@code factor}, the others' lowered so that the total stays as it was. */
    SyntheticTraffic shift(String topic, LocalDateTime from, Duration length, double factor) {
        double share = shares.get(topic);
        double others = (1 - share * factor) / (1 - share);
        if (others <= 0) {
            throw new IllegalArgumentException("topic " + topic + " cannot grow " + factor + " times with flat totals");
        }
        for (String t : shares.keySet()) {
            surges.add(new Surge(Optional.of(t), from, from.plus(length), t.equals(topic) ? factor : others));
        }
        return this;
    }

    /** The expected calls of a topic in the minute starting at {@code t}. */
    private double rate(String topic, LocalDateTime t) {
        double day = dayFactors.computeIfAbsent(t.toLocalDate(), d -> Math.exp(random.nextGaussian() * dayNoise));
        double shape = HOURS[t.getHour()] * DAYS[t.getDayOfWeek().getValue() - 1] / MEAN_SHAPE;
        double rate = callsPerDay / 1440 * shape * day * shares.get(topic);
        for (Surge s : surges) {
            if (!t.isBefore(s.from()) && t.isBefore(s.to()) && s.topic().map(topic::equals).orElse(true)) {
                rate *= s.factor();
            }
        }
        return rate;
    }

    /**
     * Feeds the detector minute by minute from {@code from} for {@code length} of real time, asking for decisions
     * every minute on a test clock as the server's scheduler would, and returns every decision made.
     */
    List<SpikeDecision> run(SpikeDetector detector, TestClock clock, LocalDateTime from, Duration length) {
        List<SpikeDecision> decisions = new ArrayList<>();
        // Real minutes: the spring-forward hour has no calls, the fall-back hour has two hours' worth.
        for (Instant minute = instant(from), end = minute.plus(length); minute.isBefore(end);
             minute = minute.plusSeconds(60)) {
            LocalDateTime t = local(minute);
            for (String topic : shares.keySet()) {
                long n = poisson(rate(topic, t));
                if (n > 0) {
                    // Spread within the minute: the detector counts by instant, not by whole minutes.
                    detector.count(minute.plusSeconds(random.nextInt(60)), Optional.of(topic), n);
                }
            }
            clock.set(minute.plusSeconds(60));
            decisions.addAll(detector.decide(clock.instant()));
        }
        return decisions;
    }

    static Instant instant(LocalDateTime t) {
        return t.atZone(ZONE).toInstant();
    }

    static LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, ZONE);
    }

    private long poisson(double mean) {
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        long n = 0;
        while (p > limit) {
            p *= random.nextDouble();
            n++;
        }
        return n;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
