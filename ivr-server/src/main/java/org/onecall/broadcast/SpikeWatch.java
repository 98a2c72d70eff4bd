package org.onecall.broadcast;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.onecall.config.Center;
import org.onecall.config.SpikeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each center's spike detector on the arrivals of all its servers, and starts and stops the
 * matching armed announcement. Every server runs one; the board keeps them from starting an
 * announcement twice (a change to the state it already has records nothing).
 *
 * <p>Only what the detector started, it stops: an announcement an administrator switched on (or
 * confirmed) stays until an administrator switches it off. A suppressed announcement is not
 * started until its suppression expires.
 */
public final class SpikeWatch implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SpikeWatch.class);
    static final String RULE_PREFIX = "rule:";
    /**
     * How long after a minute ends its arrivals are read: every server writes its counts every few
     * seconds (ArrivalLog), and a minute read too early would miss the last of them for good.
     */
    static final Duration SETTLE = Duration.ofSeconds(15);

    private final Supplier<List<Center>> centers;
    private final ArrivalHistory history;
    private final Board board;
    private final InstantSource clock;
    private final Map<String, Watched> watched = new HashMap<>();

    /** A center's detector, the settings it was made with, and the minute up to which it has been fed. */
    private static final class Watched {
        final SpikeDetector detector;
        final SpikeSettings settings;
        Instant fedUntil;

        Watched(SpikeDetector detector, SpikeSettings settings, Instant fedUntil) {
            this.detector = detector;
            this.settings = settings;
            this.fedUntil = fedUntil;
        }
    }

    public SpikeWatch(Supplier<List<Center>> centers, ArrivalHistory history, Board board, InstantSource clock) {
        this.centers = centers;
        this.history = history;
        this.board = board;
        this.clock = clock;
    }

    @Override
    public void run() {
        for (Center c : centers.get()) {
            try {
                watch(c);
            } catch (SQLException | RuntimeException e) {
                // One center's failure must not stop the others, nor the schedule.
                log.warn("spike watch for {}: {}", c.id(), e.getMessage());
            }
        }
    }

    /** Feeds the minutes that have ended since the last run and acts on the decisions. */
    public List<SpikeDecision> watch(Center c) throws SQLException {
        Instant now = clock.instant().minus(SETTLE).truncatedTo(ChronoUnit.MINUTES);
        SpikeSettings settings = c.spikes();
        Watched w = watched.get(c.id());
        List<ArrivalHistory.Count> counts;
        boolean catchingUp = w == null || !w.settings.equals(settings);
        if (catchingUp) {
            // The detector counts every bucket from its start, an empty one as zero calls: start it at
            // the first recorded arrival, not before, or the weeks before OneCall ran would read as silence.
            Instant from = now.minus(Duration.ofDays(7L * settings.historyWeeks()));
            counts = history.counts(c.id(), from, now);
            Instant start = counts.stream().map(ArrivalHistory.Count::minute).findFirst().orElse(now);
            w = new Watched(new SpikeDetector(settings, c.timezone(), start), settings, start);
            watched.put(c.id(), w);
        } else {
            counts = history.counts(c.id(), w.fedUntil, now);
        }
        feed(w.detector, counts);
        w.fedUntil = now;
        List<SpikeDecision> decisions = w.detector.decide(now);
        if (catchingUp) {
            decisions = latestPerScope(decisions);
        }
        for (SpikeDecision d : decisions) {
            act(c, d);
        }
        return decisions;
    }

    /**
     * A detector that has just read weeks of history decides every spike in them again. Only where each
     * scope stands now matters: a spike still running starts (or keeps) its announcement, one that has
     * ended stops what a rule had started; replaying the rest would flip announcements and fill the audit.
     */
    static List<SpikeDecision> latestPerScope(List<SpikeDecision> decisions) {
        Map<Scope, SpikeDecision> latest = new java.util.LinkedHashMap<>();
        for (SpikeDecision d : decisions) {
            latest.remove(d.scope());
            latest.put(d.scope(), d);
        }
        return List.copyOf(latest.values());
    }

    private static void feed(SpikeDetector detector, List<ArrivalHistory.Count> counts) {
        // Arrivals are counted once overall (as the call arrives) and once more under their topic;
        // the detector adds a topic's calls to the overall count, so overall gets the rest.
        Map<Instant, Long> topical = new HashMap<>();
        for (ArrivalHistory.Count n : counts) {
            if (!n.topic().equals(ArrivalHistory.OVERALL)) {
                detector.count(n.minute(), Optional.of(n.topic()), n.calls());
                topical.merge(n.minute(), n.calls(), Long::sum);
            }
        }
        for (ArrivalHistory.Count n : counts) {
            if (n.topic().equals(ArrivalHistory.OVERALL)) {
                detector.count(n.minute(), Optional.empty(), Math.max(0, n.calls() - topical.getOrDefault(n.minute(), 0L)));
            }
        }
    }

    private void act(Center c, SpikeDecision d) {
        Scope scope = switch (d) {
            case SpikeDecision.Start s -> s.scope();
            case SpikeDecision.Stop s -> s.scope();
        };
        Optional<Center.AnnouncementSpec> spec = c.announcements().values().stream()
                .filter(a -> switch (scope) {
                    case Scope.Overall() -> a.topic().isEmpty();
                    case Scope.Topic(String t) -> a.topic().equals(Optional.of(t));
                })
                .findFirst();
        if (spec.isEmpty()) {
            log.info("spike decision for {} {} has no announcement: {}", c.id(), scope, d);
            return;
        }
        String id = spec.get().id();
        Announcement now = board.current(c.id()).getOrDefault(id, Announcement.never(c.id(), id));
        try {
            switch (d) {
                case SpikeDecision.Start s -> {
                    boolean armed = now.state() == AnnouncementState.ARMED
                            || now.state() == AnnouncementState.SUPPRESSED
                            && now.expires().map(e -> !clock.instant().isBefore(e)).orElse(true);
                    if (armed) {
                        changeIfStill(now, AnnouncementState.ACTIVE, rule(s.rule(), s.observed(), s.expected(), s.per()),
                                "calls spiked on " + scope + ": " + s.observed() + " against " + round(s.expected())
                                        + " (" + s.rule() + ")");
                    } else {
                        log.info("spike on {} {}: announcement {} is {}, not armed: not started", c.id(), scope, id,
                                now.state());
                    }
                }
                case SpikeDecision.Stop s -> {
                    if (now.state() == AnnouncementState.ACTIVE && now.changedBy().startsWith(RULE_PREFIX)) {
                        changeIfStill(now, AnnouncementState.ARMED, rule(s.rule(), s.observed(), s.expected(), s.per()),
                                "calls settled on " + scope + ": " + s.observed() + " against " + round(s.expected())
                                        + " (" + s.rule() + ")");
                    }
                }
            }
        } catch (Board.BoardException e) {
            log.warn("spike decision for {}/{} not applied: {}", c.id(), id, e.getMessage());
        }
    }

    private void changeIfStill(Announcement seen, AnnouncementState to, Actor.Rule rule, String reason)
            throws Board.BoardException {
        if (board.changeIfStill(seen, to, Optional.empty(), rule, reason).isEmpty()) {
            log.info("spike decision for {}/{} not applied: an administrator switched it meanwhile", seen.center(),
                    seen.id());
        }
    }

    private static Actor.Rule rule(String rule, long observed, double expected, Duration per) {
        double perHour = 3600.0 / Math.max(1, per.toSeconds());
        return new Actor.Rule(rule, observed * perHour, expected * perHour);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
