package org.onecall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.onecall.broadcast.ArrivalHistory;
import org.onecall.broadcast.Arrivals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts arrivals per minute in memory (a call only bumps a counter) and adds them to the shared
 * call_arrival table every few seconds, so the detector sees the arrivals of every server. Counts
 * that cannot be written stay in memory and go with the next flush.
 */
public final class ArrivalLog implements Arrivals, ArrivalHistory, Runnable {
    private static final Logger log = LoggerFactory.getLogger(ArrivalLog.class);
    private record Key(String center, String topic, Instant minute) {
    }

    private final Database db;
    private final String server;
    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
    private volatile boolean failing;

    public ArrivalLog(Database db, String server) {
        this.db = db;
        this.server = server;
    }

    @Override
    public void arrived(String center, Optional<String> topic, Instant at) {
        pending.computeIfAbsent(new Key(center, topic.orElse(OVERALL), at.truncatedTo(ChronoUnit.MINUTES)),
                k -> new LongAdder()).increment();
    }

    /** Adds the counts so far to the table. */
    @Override
    public void run() {
        if (pending.isEmpty() || !db.migrated()) {
            return;
        }
        List<Map.Entry<Key, Long>> taken = new ArrayList<>();
        for (Key k : List.copyOf(pending.keySet())) {
            LongAdder a = pending.remove(k);
            if (a != null) {
                taken.add(Map.entry(k, a.sum()));
            }
        }
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("INSERT INTO call_arrival (center, topic, minute, server, calls)"
                     + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE calls = calls + VALUES(calls)")) {
            for (Map.Entry<Key, Long> e : taken) {
                s.setString(1, e.getKey().center());
                s.setString(2, e.getKey().topic());
                s.setObject(3, LocalDateTime.ofInstant(e.getKey().minute(), ZoneOffset.UTC));
                s.setString(4, server);
                s.setLong(5, e.getValue());
                s.addBatch();
            }
            s.executeBatch();
            failing = false;
        } catch (SQLException e) {
            // Put them back: the next flush carries them.
            taken.forEach(t -> pending.computeIfAbsent(t.getKey(), k -> new LongAdder()).add(t.getValue()));
            if (!failing) {
                log.warn("arrival counts not written ({}); kept for the next try", Database.rootMessage(e));
                failing = true;
            }
        }
    }

    @Override
    public List<Count> counts(String center, Instant from, Instant to) throws SQLException {
        List<Count> counts = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("SELECT topic, minute, SUM(calls) FROM call_arrival"
                     + " WHERE center = ? AND minute >= ? AND minute < ? GROUP BY topic, minute ORDER BY minute")) {
            s.setString(1, center);
            s.setObject(2, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
            s.setObject(3, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.add(new Count(r.getString(1), r.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            r.getLong(3)));
                }
            }
        }
        return counts;
    }
}
