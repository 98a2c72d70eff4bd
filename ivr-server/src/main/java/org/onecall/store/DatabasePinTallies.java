package org.onecall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.onecall.broadcast.PinGuard.Key;
import org.onecall.broadcast.PinGuard.Tally;
import org.onecall.broadcast.PinTallies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wrong-PIN tallies in MariaDB, so every server of a center counts the same tries: guesses
 * spread over the servers add up, and a restart forgets nothing. A change locks the tally's row
 * (creating it if need be) before reading it, so changes of one tally, on any server, come one
 * after the other. Nothing is cached: a lockout made on one server holds on the next call to any.
 */
public final class DatabasePinTallies implements PinTallies {
    private static final Logger log = LoggerFactory.getLogger(DatabasePinTallies.class);
    /** Tries of one change that InnoDB may roll back as a deadlock before the tallies count as away. */
    private static final int DEADLOCK_RETRIES = 5;
    private static final String WHERE_KEY = " WHERE center = ? AND subject = ? AND value = ?";

    private final Database db;

    public DatabasePinTallies(Database db) {
        this.db = db;
    }

    @Override
    public Tally read(Key key) throws Unavailable {
        try (Connection c = db.connection()) {
            return read(c, key);
        } catch (SQLException e) {
            throw unavailable(key.center(), e);
        }
    }

    @Override
    public Change update(Key key, Instant now, UnaryOperator<Tally> change) throws Unavailable {
        return inTransaction(key, c -> {
            // Creates the row or, when it exists, locks it: the next change of this tally waits for our commit.
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pin_tally (center, subject, value,"
                    + " changed_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE changed_at = changed_at")) {
                bind(s, key, 1);
                s.setObject(4, utc(now));
                s.executeUpdate();
            }
            Tally before = read(c, key);
            Tally after = change.apply(before);
            try (PreparedStatement s = c.prepareStatement("UPDATE pin_tally SET locked_until = ?, changed_at = ?"
                    + WHERE_KEY)) {
                s.setObject(1, after.lockedUntil().map(DatabasePinTallies::utc).orElse(null));
                s.setObject(2, utc(now));
                bind(s, key, 3);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM pin_failure" + WHERE_KEY)) {
                bind(s, key, 1);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pin_failure (center, subject, value, at)"
                    + " VALUES (?, ?, ?, ?)")) {
                for (Instant at : after.failures()) {
                    bind(s, key, 1);
                    s.setObject(4, utc(at));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return new Change(before, after);
        });
    }

    @Override
    public void clear(Key key) throws Unavailable {
        inTransaction(key, c -> {
            // The row first: its lock keeps a change on another server from writing the tries back.
            for (String table : List.of("pin_tally", "pin_failure")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + WHERE_KEY)) {
                    bind(s, key, 1);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    private interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    /**
     * Runs one tally's change as a transaction. Servers failing on one id at the same instant wait
     * in line for its row; now and then InnoDB breaks such a queue as a deadlock (its duplicate-key
     * checks take gap locks even in read committed) and asks for the transaction again: it is.
     */
    private <T> T inTransaction(Key key, Work<T> work) throws Unavailable {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = db.connection()) {
                // Read committed: no gap locks on the tries, so changes of two tallies do not wait on each other.
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(false);
                try {
                    T result = work.on(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLTransactionRollbackException e) {
                if (attempt == DEADLOCK_RETRIES) {
                    throw unavailable(key.center(), e);
                }
            } catch (SQLException e) {
                throw unavailable(key.center(), e);
            }
        }
    }

    @Override
    public void forget(String center, Instant now, Duration window) throws Unavailable {
        try (Connection c = db.connection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            sweep(c, Optional.of(center), now, window);
        } catch (SQLTransactionRollbackException e) {
            // Its scan met a change of a tally, and InnoDB chose the sweep as a deadlock's victim. Only
            // tidying is lost, never a try: the next wrong PIN sweeps again.
            log.debug("wrong-PIN tallies of {} not swept this time: {}", center, Database.rootMessage(e));
        } catch (SQLException e) {
            throw unavailable(center, e);
        }
    }

    /**
     * Deletes the tries older than {@code window} and the tallies with none inside it and no
     * lockout in force: of one center (at each wrong try), or of every center (at retention).
     *
     * @return the rows deleted
     */
    static long sweep(Connection c, Optional<String> center, Instant now, Duration window) throws SQLException {
        String ofCenter = center.isPresent() ? "center = ? AND " : "";
        try (PreparedStatement tries = c.prepareStatement("DELETE FROM pin_failure WHERE " + ofCenter + "at <= ?");
             // A row unchanged for a window holds no try inside it: every try was written when its row changed.
             PreparedStatement rows = c.prepareStatement("DELETE FROM pin_tally WHERE " + ofCenter + "changed_at <= ?"
                     + " AND (locked_until IS NULL OR locked_until <= ?)")) {
            int n = 1;
            if (center.isPresent()) {
                tries.setString(n, center.get());
                rows.setString(n, center.get());
                n++;
            }
            tries.setObject(n, utc(now.minus(window)));
            rows.setObject(n, utc(now.minus(window)));
            rows.setObject(n + 1, utc(now));
            return tries.executeUpdate() + rows.executeUpdate();
        }
    }

    private static Tally read(Connection c, Key key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT t.locked_until, f.at FROM pin_tally t"
                + " LEFT JOIN pin_failure f ON f.center = t.center AND f.subject = t.subject AND f.value = t.value"
                + " WHERE t.center = ? AND t.subject = ? AND t.value = ? ORDER BY f.at")) {
            bind(s, key, 1);
            try (ResultSet r = s.executeQuery()) {
                Optional<Instant> lockedUntil = Optional.empty();
                List<Instant> failures = new ArrayList<>();
                while (r.next()) {
                    lockedUntil = instant(r, 1);
                    instant(r, 2).ifPresent(failures::add);
                }
                return new Tally(failures, lockedUntil);
            }
        }
    }

    private static void bind(PreparedStatement s, Key key, int first) throws SQLException {
        s.setString(first, key.center());
        s.setString(first + 1, key.subject().name());
        s.setString(first + 2, key.value());
    }

    private static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
        return Optional.ofNullable(r.getObject(column, LocalDateTime.class)).map(t -> t.toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant t) {
        return RecordWriter.utc(t.toEpochMilli());
    }

    private static Unavailable unavailable(String center, SQLException e) {
        return new Unavailable("the wrong-PIN tallies of " + center + " are out of reach: "
                + Database.rootMessage(e), e);
    }
}
