package org.onecall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.InstantSource;

import org.onecall.config.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges old records, personal data first: callers' numbers are erased after
 * records.personal-data-retention, whole records after records.retention.
 */
public final class Retention implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final Database db;
    private final DatabaseSettings settings;
    private final InstantSource clock;

    public Retention(Database db, DatabaseSettings settings, InstantSource clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            purge();
        } catch (SQLException | RuntimeException e) {
            // One failure must not stop the schedule; the next run purges what this one could not.
            log.warn("retention purge failed: {}", Database.rootMessage(e));
        }
    }

    /** Returns {numbers erased, records deleted}. */
    public long[] purge() throws SQLException {
        if (!db.migrated()) {
            return new long[] {0, 0};
        }
        long now = clock.millis();
        try (Connection c = db.slowConnection();
             PreparedStatement erase = c.prepareStatement(
                     "UPDATE call_record SET caller = NULL WHERE caller IS NOT NULL AND started_at < ?");
             PreparedStatement delete = c.prepareStatement("DELETE FROM call_record WHERE started_at < ?")) {
            erase.setObject(1, RecordWriter.utc(now - settings.personalRetention().toMillis()));
            long erased = erase.executeUpdate();
            delete.setObject(1, RecordWriter.utc(now - settings.retention().toMillis()));
            long deleted = delete.executeUpdate();
            if (erased + deleted > 0) {
                log.info("retention: erased {} caller number(s), deleted {} record(s)", erased, deleted);
            }
            return new long[] {erased, deleted};
        }
    }
}
