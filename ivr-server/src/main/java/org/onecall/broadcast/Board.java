package org.onecall.broadcast;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The announcement states every server of a center agrees on, and their audit trail. The store
 * keeps them in MariaDB; each server reads them often enough that a switch reaches the next
 * caller within a second, and keeps the last states it read when the database is away, so an
 * active announcement goes on playing.
 */
public interface Board {
    /** The center's announcements as last read; never blocks a call. An id not listed is OFF. */
    Map<String, Announcement> current(String center);

    /**
     * Changes one announcement and records the change. Switching it off forgets a recorded message
     * (it was for this emergency, not the next); any other change keeps it. A rule's change to the state the
     * announcement already has records nothing (every server's detector makes the same decision);
     * an administrator's does (switching on what a rule started confirms it).
     *
     * @throws BoardException when the change could not be stored (the database is away)
     */
    Announcement change(String center, String id, AnnouncementState to, Optional<Instant> expires, Actor by,
                        String reason) throws BoardException;

    /**
     * Changes one announcement only if it is still as {@code seen} (the same state and last change).
     * The detector and the expiry act on a snapshot up to a refresh old: they must not undo an
     * administrator's switch made since. Empty when it had changed meanwhile.
     *
     * @throws BoardException when the change could not be stored (the database is away)
     */
    Optional<Announcement> changeIfStill(Announcement seen, AnnouncementState to, Optional<Instant> expires, Actor by,
                                         String reason) throws BoardException;

    /**
     * Switches an announcement on with a message an administrator recorded, which every server's
     * callers hear in place of its prompt from their next call until it is switched off.
     *
     * @throws BoardException when the change could not be stored (the database is away)
     */
    Announcement switchOnRecording(String center, String id, String file, Actor by, String reason)
            throws BoardException;

    /** The most recent changes first. */
    List<AuditEntry> audit(String center, int limit) throws BoardException;

    /** The change could not be made or read; nothing was changed. */
    final class BoardException extends Exception {
        public BoardException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
