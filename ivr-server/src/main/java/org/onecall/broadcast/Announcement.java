package org.onecall.broadcast;

import java.time.Instant;
import java.util.Optional;

/**
 * An announcement's current state on the board shared by every server of the center.
 *
 * @param recording a message an administrator recorded by phone (the sound file as Asterisk plays it):
 *                  callers hear it in place of the configured prompt until the announcement is switched off
 */
public record Announcement(String center, String id, AnnouncementState state, Optional<Instant> expires,
                           Instant changedAt, String changedBy, String reason, Optional<String> recording) {
    /** An announcement never switched: OFF, changed at the epoch by nobody. */
    public static Announcement never(String center, String id) {
        return new Announcement(center, id, AnnouncementState.OFF, Optional.empty(), Instant.EPOCH, "", "",
                Optional.empty());
    }

    /** Whether this is the same state and the same last change as {@code other} (reasons aside). */
    public boolean sameChangeAs(Announcement other) {
        return state == other.state && changedAt.equals(other.changedAt) && changedBy.equals(other.changedBy);
    }

    /** Active, and not past its expiry at this instant. */
    public boolean playing(Instant now) {
        return state == AnnouncementState.ACTIVE && expires.map(now::isBefore).orElse(true);
    }
}
