package org.onecall.broadcast;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends what has run out. Callers stop hearing an announcement at its expiry already
 * ({@link Announcement#playing}); this puts the board and the audit in line: an active announcement
 * goes back to armed if it was armed when it was switched on (so it can start by itself again), else
 * off, and a suppression that has ended re-arms. Every server runs one; the board records each
 * expiry once.
 */
public final class Expiries implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Expiries.class);
    /** How far back the audit is read to find the state an announcement was switched on from. */
    private static final int AUDIT_DEPTH = 200;

    private final Supplier<List<String>> centers;
    private final Board board;
    private final InstantSource clock;

    public Expiries(Supplier<List<String>> centers, Board board, InstantSource clock) {
        this.centers = centers;
        this.board = board;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        for (String center : centers.get()) {
            for (Announcement a : board.current(center).values()) {
                if (!expired(a, now)) {
                    continue;
                }
                try {
                    AnnouncementState next = afterExpiry(a, board.audit(center, AUDIT_DEPTH));
                    board.changeIfStill(a, next, Optional.empty(), new Actor.Expiry(),
                            a.state().name().toLowerCase(java.util.Locale.ROOT) + " until " + a.expires().orElseThrow());
                } catch (Board.BoardException | RuntimeException e) {
                    // The next run tries again; callers already stopped hearing it.
                    log.warn("expiry of {}/{} not recorded yet: {}", center, a.id(), e.getMessage());
                }
            }
        }
    }

    static boolean expired(Announcement a, Instant now) {
        boolean timed = a.state() == AnnouncementState.ACTIVE || a.state() == AnnouncementState.SUPPRESSED;
        return timed && a.expires().map(e -> !now.isBefore(e)).orElse(false);
    }

    /** Where an expired announcement goes, given the audit (most recent first). */
    static AnnouncementState afterExpiry(Announcement a, List<AuditEntry> recentFirst) {
        if (a.state() == AnnouncementState.SUPPRESSED) {
            return AnnouncementState.ARMED; // suppression pauses automatic starts; its end resumes them
        }
        return recentFirst.stream()
                .filter(e -> e.announcement().equals(a.id()) && e.to() == a.state() && e.from() != a.state())
                .findFirst()
                .map(e -> e.from() == AnnouncementState.ARMED ? AnnouncementState.ARMED : AnnouncementState.OFF)
                .orElse(AnnouncementState.OFF);
    }
}
