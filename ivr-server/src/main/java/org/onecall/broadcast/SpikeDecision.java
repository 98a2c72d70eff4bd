package org.onecall.broadcast;

import java.time.Duration;
import java.time.Instant;

/**
 * What the spike detector decided when a bucket closed: start or stop the announcement for a scope. "Nothing"
 * is no decision at all (an empty list from {@link SpikeDetector#decide}).
 *
 * <p>Rates are calls per bucket ({@code per}): {@code observed} is the count of the bucket that completed the
 * streak, {@code expected} its baseline. {@code rule} says in words which thresholds held, for the audit.
 */
public sealed interface SpikeDecision {
    /** When the decision was made: the end of the bucket that completed the streak. */
    Instant at();

    Scope scope();

    long observed();

    double expected();

    Duration per();

    String rule();

    record Start(Instant at, Scope scope, long observed, double expected, Duration per, String rule)
            implements SpikeDecision {
    }

    record Stop(Instant at, Scope scope, long observed, double expected, Duration per, String rule)
            implements SpikeDecision {
    }
}
