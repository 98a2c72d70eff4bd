package org.onecall.broadcast;

import java.time.Instant;
import java.util.Optional;

/** One recorded change: when, what, by whom or by which rule, and the rates that triggered it. */
public record AuditEntry(long seq, String center, String announcement, AnnouncementState from, AnnouncementState to,
                         Instant at, String actor, String reason, Optional<Double> observedPerHour,
                         Optional<Double> expectedPerHour) {
}
