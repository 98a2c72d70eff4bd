package org.onecall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.onecall.broadcast.Actor;
import org.onecall.broadcast.Announcement;
import org.onecall.broadcast.AnnouncementState;
import org.onecall.broadcast.AuditEntry;
import org.onecall.broadcast.Board;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The announcement board in MariaDB, so every server of a center agrees. Calls read a snapshot
 * that {@link #refresh()} renews (the server runs it twice a second): a switch made on any server
 * reaches the next caller on every server within a second, and a call never waits on the
 * database. When the database is away the last snapshot stays: active announcements go on.
 */
public final class DatabaseBoard implements Board, Runnable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseBoard.class);

    private final Database db;
    private final InstantSource clock;
    private final AtomicReference<Map<String, Map<String, Announcement>>> snapshot = new AtomicReference<>(Map.of());
    private volatile boolean failing;

    public DatabaseBoard(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Map<String, Announcement> current(String center) {
        return snapshot.get().getOrDefault(center, Map.of());
    }

    /** Re-reads every state; on failure keeps the last snapshot. */
    @Override
    public void run() {
        try {
            refresh();
            if (failing) {
                log.info("announcement board readable again");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                log.warn("announcement board unreadable ({}); the last known states stay in force",
                        Database.rootMessage(e));
                failing = true;
            }
        }
    }

    public void refresh() throws SQLException {
        if (!db.migrate()) {
            throw new SQLException("records database not migrated yet");
        }
        Map<String, Map<String, Announcement>> all = new HashMap<>();
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("SELECT center, announcement, state, expires_at, changed_at,"
                     + " changed_by, reason, recording FROM announcement_state");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Announcement a = new Announcement(r.getString(1), r.getString(2), AnnouncementState.valueOf(r.getString(3)),
                        Optional.ofNullable(r.getObject(4, LocalDateTime.class)).map(t -> t.toInstant(ZoneOffset.UTC)),
                        r.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC), r.getString(6), r.getString(7),
                        Optional.ofNullable(r.getString(8)));
                all.computeIfAbsent(a.center(), k -> new HashMap<>()).put(a.id(), a);
            }
        }
        all.replaceAll((k, v) -> Map.copyOf(v));
        snapshot.set(Map.copyOf(all));
    }

    @Override
    public Announcement change(String center, String id, AnnouncementState to, Optional<Instant> expires, Actor by,
                               String given) throws BoardException {
        return apply(center, id, Optional.empty(), to, expires, by, given, forgetWhenOff(to)).orElseThrow();
    }

    @Override
    public Announcement switchOnRecording(String center, String id, String file, Actor by, String reason)
            throws BoardException {
        return apply(center, id, Optional.empty(), AnnouncementState.ACTIVE, Optional.empty(), by, reason,
                kept -> Optional.of(file)).orElseThrow();
    }

    private static UnaryOperator<Optional<String>> forgetWhenOff(AnnouncementState to) {
        return kept -> to == AnnouncementState.OFF ? Optional.empty() : kept;
    }

    @Override
    public Optional<Announcement> changeIfStill(Announcement seen, AnnouncementState to, Optional<Instant> expires,
                                                Actor by, String reason) throws BoardException {
        return apply(seen.center(), seen.id(), Optional.of(seen), to, expires, by, reason, forgetWhenOff(to));
    }

    private Optional<Announcement> apply(String center, String id, Optional<Announcement> seen, AnnouncementState to,
                                         Optional<Instant> expires, Actor by, String given,
                                         UnaryOperator<Optional<String>> recordingAfter) throws BoardException {
        Instant now = clock.instant();
        // The columns' sizes; a detector's reason can run long.
        String reason = given.length() <= 400 ? given : given.substring(0, 397) + "...";
        Optional<String> recording;
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                Announcement stored = Announcement.never(center, id);
                try (PreparedStatement s = c.prepareStatement("SELECT state, changed_at, changed_by, recording FROM"
                        + " announcement_state WHERE center = ? AND announcement = ? FOR UPDATE")) {
                    s.setString(1, center);
                    s.setString(2, id);
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            stored = new Announcement(center, id, AnnouncementState.valueOf(r.getString(1)),
                                    Optional.empty(), r.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                                    r.getString(3), "", Optional.ofNullable(r.getString(4)));
                        }
                    }
                }
                AnnouncementState from = stored.state();
                if (seen.isPresent() && !seen.get().sameChangeAs(stored)) {
                    // Someone switched it since the snapshot the caller acted on: theirs stands.
                    c.rollback();
                    return Optional.empty();
                }
                if (from == to && (by instanceof Actor.Rule || by instanceof Actor.Expiry)) {
                    // Every server's detector (or expiry) decides the same; the first one's change stands.
                    c.rollback();
                    return Optional.of(current(center).getOrDefault(id, stored));
                }
                recording = recordingAfter.apply(stored.recording());
                try (PreparedStatement s = c.prepareStatement("INSERT INTO announcement_state (center, announcement,"
                        + " state, expires_at, changed_at, changed_by, reason, recording) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE state = VALUES(state), expires_at = VALUES(expires_at),"
                        + " changed_at = VALUES(changed_at), changed_by = VALUES(changed_by), reason = VALUES(reason),"
                        + " recording = VALUES(recording)")) {
                    s.setString(1, center);
                    s.setString(2, id);
                    s.setString(3, to.name());
                    s.setObject(4, expires.map(DatabaseBoard::utc).orElse(null));
                    s.setObject(5, utc(now));
                    s.setString(6, Actor.describe(by));
                    s.setString(7, reason);
                    s.setString(8, recording.orElse(null));
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO announcement_audit (center, announcement,"
                        + " from_state, to_state, at, actor, reason, observed_per_hour, expected_per_hour)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, center);
                    s.setString(2, id);
                    s.setString(3, from.name());
                    s.setString(4, to.name());
                    s.setObject(5, utc(now));
                    s.setString(6, Actor.describe(by));
                    s.setString(7, reason);
                    if (by instanceof Actor.Rule r) {
                        s.setDouble(8, r.observedPerHour());
                        s.setDouble(9, r.expectedPerHour());
                    } else {
                        s.setNull(8, Types.DOUBLE);
                        s.setNull(9, Types.DOUBLE);
                    }
                    s.executeUpdate();
                }
                c.commit();
                log.info("announcement {}/{}: {} -> {} by {} ({})", center, id, from, to, Actor.describe(by), reason);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new BoardException("announcement " + center + "/" + id + " not changed: "
                    + Database.rootMessage(e), e);
        }
        run(); // this server's next caller sees it at once; the others within their next refresh
        return Optional.of(new Announcement(center, id, to, expires, now, Actor.describe(by), reason, recording));
    }

    @Override
    public List<AuditEntry> audit(String center, int limit) throws BoardException {
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("SELECT seq, announcement, from_state, to_state, at, actor, reason,"
                     + " observed_per_hour, expected_per_hour FROM announcement_audit WHERE center = ?"
                     + " ORDER BY seq DESC LIMIT ?")) {
            s.setString(1, center);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    double observed = r.getDouble(8);
                    Optional<Double> o = r.wasNull() ? Optional.empty() : Optional.of(observed);
                    double expected = r.getDouble(9);
                    Optional<Double> e = r.wasNull() ? Optional.empty() : Optional.of(expected);
                    entries.add(new AuditEntry(r.getLong(1), center, r.getString(2),
                            AnnouncementState.valueOf(r.getString(3)), AnnouncementState.valueOf(r.getString(4)),
                            r.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC), r.getString(6),
                            r.getString(7), o, e));
                }
            }
        } catch (SQLException e) {
            throw new BoardException("audit of " + center + " not readable: " + Database.rootMessage(e), e);
        }
        return entries;
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
