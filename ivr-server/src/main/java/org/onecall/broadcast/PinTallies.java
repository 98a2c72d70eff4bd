package org.onecall.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

import org.onecall.broadcast.PinGuard.Key;
import org.onecall.broadcast.PinGuard.Tally;

/**
 * Where the {@link PinGuard} keeps its wrong-PIN tallies. The store keeps them in MariaDB, so
 * every server of a center counts the same tries and a restart forgets nothing; a server without
 * a database keeps its own in memory. The decisions stay in {@link Tally}: this only reads and
 * writes them.
 */
public interface PinTallies {
    /** The tally as it stands; {@link Tally#NONE} for an id or number nobody tried. */
    Tally read(Key key) throws Unavailable;

    /**
     * Changes one tally as one step: no other change of it, on any server, comes between the read
     * and the write, so two wrong tries made at the same instant both count.
     *
     * @param now when the change is made: a tally left unchanged for a lockout window is forgotten
     */
    Change update(Key key, Instant now, UnaryOperator<Tally> change) throws Unavailable;

    /** Forgets one tally: the right PIN was given. */
    void clear(Key key) throws Unavailable;

    /** Forgets the center's tallies with no lockout in force now and no try within {@code window}. */
    void forget(String center, Instant now, Duration window) throws Unavailable;

    /** A tally before and after an {@link #update}. */
    record Change(Tally before, Tally after) {
    }

    /** The tallies could not be read or written (the database is away); nothing was changed. */
    final class Unavailable extends Exception {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
