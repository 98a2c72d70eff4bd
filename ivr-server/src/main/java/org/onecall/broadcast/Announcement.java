package org.onecall.broadcast;

import java.time.Instant;
import java.util.Optional;

/** An announcement's current state on the board shared by every server of the center. */
public record Announcement(String center, String id, AnnouncementState state, Optional<Instant> expires,
                           Instant changedAt, String changedBy, String reason) {
    /** Active, and not past its expiry at this instant. */
    public boolean playing(Instant now) {
        return state == AnnouncementState.ACTIVE && expires.map(now::isBefore).orElse(true);
    }
}
