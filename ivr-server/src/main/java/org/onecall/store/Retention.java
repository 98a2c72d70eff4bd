package org.onecall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.Optional;

import org.onecall.config.Center;
import org.onecall.config.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges old records, personal data first: after records.personal-data-retention the caller's
 * number and everything the caller entered or said (a request number, a ZIP code, keys, speech
 * transcripts) are erased; after records.retention whole records are deleted. What is left (the
 * menu path, topic, outcome, times, district) is the statistics, which name no one.
 *
 * <p>Wrong-PIN tallies (by hashed caller number) are forgotten once older than the longest
 * lockout; each wrong try sweeps its own center, this sweeps those no wrong try comes to again.
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

    /** Returns {records whose caller number or entry was erased, records deleted}. */
    public long[] purge() throws SQLException {
        if (!db.migrated()) {
            return new long[] {0, 0};
        }
        long now = clock.millis();
        try (Connection c = db.slowConnection();
             PreparedStatement erase = c.prepareStatement("UPDATE call_record SET caller = NULL, entered = NULL"
                     + " WHERE (caller IS NOT NULL OR entered IS NOT NULL) AND started_at < ?");
             // The value column takes no NULL: an erased input keeps its kind and order, with no value.
             PreparedStatement eraseInputs = c.prepareStatement("UPDATE call_input i JOIN call_record r"
                     + " ON r.call_id = i.call_id SET i.value = '' WHERE i.value <> '' AND r.started_at < ?");
             PreparedStatement delete = c.prepareStatement("DELETE FROM call_record WHERE started_at < ?")) {
            LocalDateTime personal = RecordWriter.utc(now - settings.personalRetention().toMillis());
            erase.setObject(1, personal);
            long erased = erase.executeUpdate();
            eraseInputs.setObject(1, personal);
            long inputs = eraseInputs.executeUpdate();
            delete.setObject(1, RecordWriter.utc(now - settings.retention().toMillis()));
            long deleted = delete.executeUpdate();
            long pins = DatabasePinTallies.sweep(c, Optional.empty(), Instant.ofEpochMilli(now),
                    Center.AdminEntry.MAX_LOCKOUT);
            if (erased + inputs + deleted + pins > 0) {
                log.info("retention: erased the caller number or entry of {} record(s) and {} input(s), deleted {}"
                        + " record(s), forgot {} wrong-PIN row(s)", erased, inputs, deleted, pins);
            }
            return new long[] {erased, deleted};
        }
    }
}
