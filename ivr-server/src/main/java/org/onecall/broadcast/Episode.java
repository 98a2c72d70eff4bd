package org.onecall.broadcast;

import java.time.Duration;
import java.time.LocalDateTime;

import org.onecall.config.SpikeSettings;

/**
 * One scope's announcement state and the hysteresis that moves it. It starts on a hot reading (a run of at
 * least {@code start-after} buckets judged together, see {@link SpikeDetector}); it stops only after {@code stop-after} calm
 * buckets in a row and {@code min-active} in all, and any bucket that is not calm breaks that streak. So a surge
 * that ebbs for fewer than {@code stop-after} buckets and returns stays one announcement.
 */
sealed interface Episode {
    /** No announcement. */
    record Quiet() implements Episode {
    }

    /** An announcement since {@code since}; {@code calm} calm buckets in a row so far. */
    record Active(LocalDateTime since, int calm) implements Episode {
    }

    Episode QUIET = new Quiet();

    /** How a closed bucket reads against its baseline. */
    enum Verdict {
        /** The run of raised buckets ending here is, together, far enough above the baseline with enough calls. */
        HOT,
        /** Above the stop thresholds but not hot: keeps an announcement going, starts nothing. */
        ELEVATED,
        /** Back near the baseline, or an excess that could be chance: counts toward a stop. */
        CALM,
        /** No baseline yet: decides nothing. */
        UNKNOWN
    }

    enum Change {
        NONE, STARTED, STOPPED
    }

    record Step(Episode next, Change change) {
    }

    /** The state after a bucket that ended at {@code end} read as {@code verdict}. */
    static Step next(Episode episode, Verdict verdict, LocalDateTime end, SpikeSettings s) {
        return switch (episode) {
            case Quiet q -> switch (verdict) {
                case HOT -> new Step(new Active(end, 0), Change.STARTED);
                case ELEVATED, CALM, UNKNOWN -> new Step(q, Change.NONE);
            };
            case Active a -> switch (verdict) {
                case CALM -> {
                    int calm = a.calm() + 1;
                    boolean longEnough = Duration.between(a.since(), end).compareTo(s.minActive()) >= 0;
                    yield calm >= s.stopAfter() && longEnough
                            ? new Step(QUIET, Change.STOPPED)
                            : new Step(new Active(a.since(), calm), Change.NONE);
                }
                case HOT, ELEVATED, UNKNOWN -> new Step(new Active(a.since(), 0), Change.NONE);
            };
        };
    }
}
