package org.onecall.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecall.broadcast.SyntheticTraffic.CITY;
import static org.onecall.broadcast.SyntheticTraffic.QUIET;
import static org.onecall.broadcast.SyntheticTraffic.START;
import static org.onecall.broadcast.SyntheticTraffic.ZONE;
import static org.onecall.broadcast.SyntheticTraffic.instant;
import static org.onecall.broadcast.SyntheticTraffic.local;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.onecall.TestClock;
import org.onecall.config.SpikeSettings;

/**
 * The spike detector on made-up traffic with a daily and weekly rhythm, for a quiet center of 15 calls an hour
 * and a city of 50,000 calls a day, with the shipped thresholds. Figures go to the test output.
 */
class SpikeDetectorTest {
    private static final SpikeSettings SHIPPED = SpikeSettings.DEFAULTS;
    private static final Scope WATER = new Scope.Topic("water");
    /** A Tuesday in the sixth week: four weeks of history behind it. */
    private static final LocalDateTime SURGE_DAY = START.plusWeeks(5).plusDays(1);

    private static List<SpikeDecision> run(SyntheticTraffic traffic, Duration length) {
        return run(traffic, SHIPPED, length);
    }

    private static List<SpikeDecision> run(SyntheticTraffic traffic, SpikeSettings settings, Duration length) {
        SpikeDetector detector = new SpikeDetector(settings, ZONE, instant(START));
        return traffic.run(detector, new TestClock(instant(START)), START, length);
    }

    private static List<SpikeDecision> starts(List<SpikeDecision> decisions, Scope scope) {
        return decisions.stream().filter(d -> d instanceof SpikeDecision.Start && d.scope().equals(scope)).toList();
    }

    private static List<SpikeDecision> stops(List<SpikeDecision> decisions, Scope scope) {
        return decisions.stream().filter(d -> d instanceof SpikeDecision.Stop && d.scope().equals(scope)).toList();
    }

    private static String describe(List<SpikeDecision> decisions) {
        return decisions.stream().map(d -> "  " + local(d.at()) + " " + d.getClass().getSimpleName() + " " + d.scope()
                + " " + d.observed() + " vs " + Math.round(d.expected() * 10) / 10.0 + " per " + d.per() + ": "
                + d.rule()).collect(Collectors.joining("\n"));
    }

    // --- ordinary weeks

    /**
     * Ten seeds of twelve weeks (the first two are history only). Nothing starts overall; a topic may, rarely:
     * a day that runs a third above its usual level (three standard deviations of the day-to-day noise) can lift
     * a small topic's half hour near twice its baseline, which is what a spike looks like. The count is printed.
     */
    private static void ordinaryWeeks_startNothing(String center, double callsPerDay) {
        int weeks = 12;
        List<SpikeDecision> all = new ArrayList<>();
        int quietSeeds = 0;
        for (long seed = 1; seed <= 10; seed++) {
            List<SpikeDecision> decisions = run(new SyntheticTraffic(callsPerDay, seed), Duration.ofDays(7L * weeks));
            all.addAll(decisions);
            quietSeeds += decisions.isEmpty() ? 1 : 0;
        }
        long starts = all.stream().filter(d -> d instanceof SpikeDecision.Start).count();
        System.out.printf("%s, %.0f calls a day: %d start(s) in 10 seeds x %d weeks of ordinary traffic (%d topics)%n%s%n",
                center, callsPerDay, starts, weeks, SyntheticTraffic.TOPICS.size(), describe(all));
        assertThat(starts(all, Scope.OVERALL)).isEmpty();
        assertThat(starts).isLessThanOrEqualTo(1);
        assertThat(quietSeeds).isGreaterThanOrEqualTo(9);
    }

    @Test
    void ordinaryWeeks_quietCenter_startNothing() {
        ordinaryWeeks_startNothing("quiet center", QUIET);
    }

    @Test
    void ordinaryWeeks_bigCity_startNothing() {
        ordinaryWeeks_startNothing("big city", CITY);
    }

    @Test
    void daylightSavingEnds_bigCity_theRepeatedHourIsNotASpike() {
        // Weeks around Sunday 1 November 2026, when 1:00-2:00 happens twice in New York.
        LocalDateTime from = LocalDateTime.of(2026, 10, 5, 0, 0);
        SpikeDetector detector = new SpikeDetector(SHIPPED, ZONE, instant(from));
        List<SpikeDecision> decisions = new SyntheticTraffic(CITY, 3).run(detector, new TestClock(instant(from)), from,
                Duration.ofDays(35));
        assertThat(decisions).as(describe(decisions)).isEmpty();
    }

    // --- a threefold surge

    private static List<Long> threefoldSurge_delays(String center, double callsPerDay, Duration bound) {
        LocalDateTime from = SURGE_DAY.withHour(10);
        List<Long> delays = new ArrayList<>();
        for (long seed = 1; seed <= 10; seed++) {
            List<SpikeDecision> decisions = run(new SyntheticTraffic(callsPerDay, seed)
                    .surge(from, Duration.ofHours(4), 3), Duration.between(START, from.plusHours(5)));
            List<SpikeDecision> overall = starts(decisions, Scope.OVERALL);
            assertThat(overall).as("seed %d:%n%s", seed, describe(decisions)).hasSize(1);
            delays.add(Duration.between(from, local(overall.getFirst().at())).toMinutes());
        }
        System.out.printf("%s, %.0f calls a day: a threefold surge from Tuesday 10:00 started the announcement after"
                + " %s minutes (10 seeds; bound %d)%n", center, callsPerDay, delays, bound.toMinutes());
        assertThat(delays).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(bound.toMinutes()));
        return delays;
    }

    @Test
    void threefoldSurge_quietCenter_startsWithinTwoHours() {
        threefoldSurge_delays("quiet center", QUIET, Duration.ofHours(2));
    }

    @Test
    void threefoldSurge_bigCity_startsWithinTwoBuckets() {
        List<Long> delays = threefoldSurge_delays("big city", CITY, SHIPPED.bucket().multipliedBy(2));
        // Two buckets is the least start-after allows: the city's numbers leave no doubt after the first two.
        assertThat(delays).containsOnly(30L);
    }

    // --- one topic

    private static void topicSurge_flatTotals(String center, double callsPerDay, double factor) {
        LocalDateTime from = SURGE_DAY.withHour(10);
        List<SpikeDecision> decisions = run(new SyntheticTraffic(callsPerDay, 7)
                .shift("water", from, Duration.ofHours(4), factor), Duration.between(START, from.plusHours(6)));
        System.out.printf("%s: water calls %.0f times as many from 10:00, totals flat:%n%s%n", center, factor,
                describe(decisions));
        assertThat(starts(decisions, WATER)).hasSize(1);
        assertThat(decisions).filteredOn(d -> d instanceof SpikeDecision.Start).extracting(SpikeDecision::scope)
                .containsOnly(WATER);
        assertThat(local(starts(decisions, WATER).getFirst().at())).isBetween(from, from.plusHours(2));
    }

    @Test
    void topicSurge_bigCityWithFlatTotals_startsThatTopicOnly() {
        topicSurge_flatTotals("big city", CITY, 4);
    }

    @Test
    void topicSurge_quietCenterWithFlatTotals_startsThatTopicOnly() {
        // 8% of 15 calls an hour is one call an hour: it takes a flood of them (10 an hour) to be a spike.
        topicSurge_flatTotals("quiet center", QUIET, 8);
    }

    // --- no flapping, and a stop

    private static void surgeThatEbbs_oneStartOneStop(String center, double callsPerDay) {
        LocalDateTime from = SURGE_DAY.withHour(9);
        // Three times the calls for 2 hours, the usual volume for 45 minutes (3 buckets), again for 2 hours.
        SyntheticTraffic traffic = new SyntheticTraffic(callsPerDay, 11)
                .surge(from, Duration.ofHours(2), 3)
                .surge(from.plusMinutes(165), Duration.ofHours(2), 3);
        List<SpikeDecision> decisions = run(traffic, Duration.between(START, from.plusHours(8)));
        System.out.printf("%s: a surge that ebbs for 45 minutes and returns:%n%s%n", center,
                describe(decisions.stream().filter(d -> d.scope().equals(Scope.OVERALL)).toList()));
        assertThat(starts(decisions, Scope.OVERALL)).hasSize(1);
        assertThat(stops(decisions, Scope.OVERALL)).hasSize(1);
        assertThat(local(stops(decisions, Scope.OVERALL).getFirst().at())).isAfter(from.plusMinutes(285));
    }

    @Test
    void surgeThatEbbsAndReturns_bigCity_doesNotFlap() {
        surgeThatEbbs_oneStartOneStop("big city", CITY);
    }

    @Test
    void surgeThatEbbsAndReturns_quietCenter_doesNotFlap() {
        surgeThatEbbs_oneStartOneStop("quiet center", QUIET);
    }

    @Test
    void volumeSettles_bigCity_stopsAfterStopAfterCalmBuckets() {
        LocalDateTime from = SURGE_DAY.withHour(10);
        LocalDateTime settled = from.plusHours(2);
        List<SpikeDecision> decisions = run(new SyntheticTraffic(CITY, 5).surge(from, Duration.ofHours(2), 3),
                Duration.between(START, from.plusHours(6)));
        List<SpikeDecision> stops = stops(decisions, Scope.OVERALL);
        assertThat(stops).hasSize(1);
        LocalDateTime stopped = local(stops.getFirst().at());
        System.out.printf("big city: volume settled at %s, the announcement stopped at %s%n", settled.toLocalTime(),
                stopped.toLocalTime());
        // stop-after 4 calm buckets of 15 minutes: exactly an hour when the first bucket after the surge is calm.
        assertThat(stopped).isEqualTo(settled.plus(SHIPPED.bucket().multipliedBy(SHIPPED.stopAfter())));
    }

    @Test
    void shortSurge_minActiveThreeHours_runsThreeHours() {
        SpikeSettings settings = SpikeSettings.read(java.util.Map.of("min-active", "3h"), SHIPPED, "test", "",
                new ArrayList<>());
        LocalDateTime from = SURGE_DAY.withHour(10);
        List<SpikeDecision> decisions = run(new SyntheticTraffic(CITY, 5).surge(from, Duration.ofMinutes(45), 3),
                settings, Duration.between(START, from.plusHours(6)));
        SpikeDecision start = starts(decisions, Scope.OVERALL).getFirst();
        SpikeDecision stop = stops(decisions, Scope.OVERALL).getFirst();
        assertThat(Duration.between(start.at(), stop.at())).isBetween(Duration.ofHours(3),
                Duration.ofHours(3).plus(SHIPPED.bucket()));
    }

    // --- the pieces

    @Test
    void decide_bucketNotYetEnded_decidesNothing_andLateArrivalsAreRefused() {
        SpikeDetector detector = new SpikeDetector(SHIPPED, ZONE, instant(START));
        assertThat(detector.count(instant(START.plusMinutes(3)), Optional.of("water"), 5)).isTrue();
        assertThat(detector.decide(instant(START.plusMinutes(14)))).isEmpty();
        detector.decide(instant(START.plusMinutes(15)));
        assertThat(detector.count(instant(START.plusMinutes(14)), Optional.empty(), 1)).as("bucket decided").isFalse();
        assertThat(detector.bucketOf(instant(START.plusMinutes(29)))).isEqualTo(START.plusMinutes(15));
    }

    @Test
    void upperTail_manySamples_isThePoissonTail() {
        // With a baseline known exactly the count is plain Poisson; values from summing the Poisson pmf.
        assertThat(Significance.upperTail(11, 3.75, 1_000_000)).isCloseTo(0.0017431, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(Significance.upperTail(20, 10, 1_000_000)).isCloseTo(0.0034543, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(Significance.upperTail(3, 0.5, 1_000_000)).isCloseTo(0.0143877, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(Significance.upperTail(0, 7, 4)).isEqualTo(1.0);
    }

    @Test
    void upperTail_fewSamples_isLessSurprised() {
        assertThat(Significance.upperTail(20, 10, 2)).isGreaterThan(Significance.upperTail(20, 10, 1_000_000));
    }

    @Test
    void upperTail_aCityDay_isFiniteAndFast() {
        long t0 = System.nanoTime();
        assertThat(Significance.upperTail(60_000, 50_000, 4)).isLessThan(1e-20);
        assertThat(Significance.upperTail(50_000, 50_000, 4)).isBetween(0.45, 0.55);
        assertThat(Significance.upperTail(40_000, 50_000, 1)).isGreaterThan(0.99);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void baseline_holidayAndStormWeeks_areLeftOut() {
        LocalDateTime monday = START.plusWeeks(4).withHour(9);
        // Four past Mondays at 9:00: a storm (flagged as a spike), a holiday, two ordinary ones.
        java.util.Map<LocalDateTime, Baseline.Sample> past = java.util.Map.of(
                monday.minusWeeks(1), new Baseline.Sample(300, true),
                monday.minusWeeks(2), new Baseline.Sample(10, false),
                monday.minusWeeks(3), new Baseline.Sample(100, false),
                monday.minusWeeks(4), new Baseline.Sample(110, false));
        Baseline.Expected e = Baseline.expected(monday, Duration.ofMinutes(15), 4,
                b -> Optional.ofNullable(past.get(b))).orElseThrow();
        assertThat(e.count()).isEqualTo(105);
        assertThat(e.source()).isEqualTo(Baseline.Source.WEEKDAY_AND_TIME);
    }

    @Test
    void baseline_noSameWeekdayYet_fallsBackToTheSameTimeEveryDay_thenToEveryBucket() {
        LocalDateTime wednesday = START.plusDays(2).withHour(9);
        Baseline.Expected sameTime = Baseline.expected(wednesday, Duration.ofHours(1), 4,
                b -> b.isBefore(START) || b.getHour() != 9 ? Optional.empty() : Optional.of(new Baseline.Sample(40, false)))
                .orElseThrow();
        assertThat(sameTime.source()).isEqualTo(Baseline.Source.TIME_OF_DAY);
        assertThat(sameTime.count()).isEqualTo(40);
        Baseline.Expected all = Baseline.expected(START.withHour(9), Duration.ofHours(1), 4,
                b -> b.isBefore(START) ? Optional.empty() : Optional.of(new Baseline.Sample(b.getHour(), false)))
                .orElseThrow();
        assertThat(all.source()).isEqualTo(Baseline.Source.ALL_BUCKETS);
        assertThat(all.count()).isEqualTo(4.5);  // hours 0 to 8, the lowest left out
        assertThat(Baseline.expected(START, Duration.ofHours(1), 4, b -> Optional.empty())).isEmpty();
    }

    @Test
    void episode_hysteresis_table() {
        LocalDateTime t = START;
        var active = new Episode.Active(t, 0);
        record Case(Episode from, Episode.Verdict verdict, LocalDateTime end, Episode to, Episode.Change change) {
        }
        List<Case> cases = List.of(
                new Case(Episode.QUIET, Episode.Verdict.HOT, t, active, Episode.Change.STARTED),
                new Case(Episode.QUIET, Episode.Verdict.ELEVATED, t, Episode.QUIET, Episode.Change.NONE),
                new Case(Episode.QUIET, Episode.Verdict.UNKNOWN, t, Episode.QUIET, Episode.Change.NONE),
                new Case(active, Episode.Verdict.CALM, t.plusHours(2), new Episode.Active(t, 1), Episode.Change.NONE),
                new Case(new Episode.Active(t, 3), Episode.Verdict.CALM, t.plusHours(2), Episode.QUIET,
                        Episode.Change.STOPPED),
                // Calm long enough, but not yet min-active (1h) since the start.
                new Case(new Episode.Active(t, 3), Episode.Verdict.CALM, t.plusMinutes(45), new Episode.Active(t, 4),
                        Episode.Change.NONE),
                // A bucket that is not calm breaks the calm streak: an ebb does not add up to a stop.
                new Case(new Episode.Active(t, 3), Episode.Verdict.ELEVATED, t.plusHours(2), active,
                        Episode.Change.NONE),
                new Case(new Episode.Active(t, 3), Episode.Verdict.HOT, t.plusHours(2), active, Episode.Change.NONE));
        for (Case c : cases) {
            assertThat(Episode.next(c.from(), c.verdict(), c.end(), SHIPPED)).as(c.toString())
                    .isEqualTo(new Episode.Step(c.to(), c.change()));
        }
    }
}
