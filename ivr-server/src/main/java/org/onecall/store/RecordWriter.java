package org.onecall.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.onecall.flow.CallRecorder;
import org.onecall.flow.CallSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes call records without ever holding up a call: {@link #record} only hands the record to
 * a queue; one writer thread takes records in batches and inserts each batch in one transaction.
 * When the database fails, batches go to the journal on disk, in order, and are replayed when it
 * answers again; while anything waits in the journal, new records queue behind it, so the order
 * of writes is the order of calls. A record the database refuses for what it holds (not because
 * it is away) goes to the dead letters beside the journal, so it holds up no other.
 */
public final class RecordWriter implements CallRecorder, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecordWriter.class);
    private static final String INSERT_RECORD = """
            INSERT INTO call_record (call_id, center, city, district, dialed, caller, started_at, ended_at, language,
                path, topic, queue, outcome, interpreter, priority, entered, survey_score, menu_ms, wait_ms,
                announcements)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE call_id = call_id""";
    private static final String INSERT_INPUT = """
            INSERT IGNORE INTO call_input (call_id, seq, kind, value) VALUES (?, ?, ?, ?)""";

    private final Database db;
    private final Journal journal;
    private final DeadLetters deadLetters;
    /**
     * Lock-free, so a call never waits for the writer thread (which takes hundreds at a time) to let
     * go of a lock; {@code queued} bounds it.
     */
    private static final long IDLE_NAP = 20; // ms
    private final ConcurrentLinkedQueue<CallRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int queueCapacity;
    private final int batchSize;
    private final Duration retryInterval;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong journaled = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean running = true;
    private boolean databaseUp = true;
    private long nextReplay;
    private String lastFailure;

    public RecordWriter(Database db, Path journalDir, int queueCapacity, int batchSize, Duration retryInterval)
            throws IOException {
        this.db = db;
        this.journal = new Journal(journalDir);
        this.deadLetters = new DeadLetters(journalDir);
        this.queueCapacity = queueCapacity;
        this.batchSize = batchSize;
        this.retryInterval = retryInterval;
        long waiting = journal.pendingRecords();
        if (waiting > 0) {
            log.info("{} call record(s) waiting in the journal from before; writing them first", waiting);
        }
        this.writer = Thread.ofPlatform().name("record-writer").daemon().start(this::run);
    }

    /** Returns at once. */
    @Override
    public void record(CallSummary summary) {
        CallRecord r = CallRecord.of(summary);
        if (queued.incrementAndGet() <= queueCapacity) {
            queue.add(r);
        } else {
            queued.decrementAndGet();
            // The writer is far behind: keep the record on disk rather than drop it.
            try {
                journal.append(List.of(r));
                journaled.incrementAndGet();
            } catch (IOException e) {
                log.error("call record {} lost: queue full and journal failed: {}", r.callId(), e.getMessage());
            }
        }
    }

    /** Records written to the database so far. */
    public long written() {
        return written.get();
    }

    /** Records that went through the journal so far. */
    public long journaled() {
        return journaled.get();
    }

    /** Records the database refused for their data, now in the dead letters. */
    public long refused() {
        return refused.get();
    }

    /** Records not yet in the database: queued in memory or waiting in the journal. */
    public long pending() throws IOException {
        return queued.get() + journal.pendingRecords();
    }

    private void run() {
        List<CallRecord> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                for (CallRecord r; batch.size() < batchSize && (r = queue.poll()) != null; ) {
                    queued.decrementAndGet();
                    batch.add(r);
                }
                if (batch.isEmpty()) {
                    // Nothing queued: records are not urgent, a short nap batches the next ones.
                    Thread.sleep(IDLE_NAP);
                } else {
                    store(batch);
                    batch.clear();
                }
                if (System.nanoTime() - nextReplay >= 0 && !journal.isEmpty()) {
                    replay();
                }
                lastFailure = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (IOException | RuntimeException e) {
                // One failure must not stop the writer: records stay in the queue or the journal. Said once
                // until it changes, and tried again after a pause rather than in a tight loop.
                if (!e.toString().equals(lastFailure)) {
                    log.error("record writer: {}", e.toString());
                    lastFailure = e.toString();
                }
                try {
                    Thread.sleep(retryInterval.toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    private void store(List<CallRecord> batch) throws IOException {
        List<CallRecord> left = batch;
        if (databaseUp && journal.isEmpty()) {
            left = write(batch);
        }
        journal.append(left);
        journaled.addAndGet(left.size());
    }

    private void replay() throws IOException {
        if (!db.migrate()) {
            retryLater();
            return;
        }
        long writtenBefore = written.get();
        long refusedBefore = refused.get();
        for (Path segment : journal.seal()) {
            List<CallRecord> records = journal.read(segment);
            for (int i = 0; i < records.size(); i += batchSize) {
                if (!write(records.subList(i, Math.min(records.size(), i + batchSize))).isEmpty()) {
                    return;
                }
            }
            journal.delete(segment);
        }
        long replayed = written.get() - writtenBefore;
        long deadLettered = refused.get() - refusedBefore;
        if (!databaseUp || replayed + deadLettered > 0) {
            log.info("records database answers again: {} journaled record(s) written{}", replayed,
                    deadLettered == 0 ? "" : ", " + deadLettered + " refused (see " + deadLetters.file() + ")");
        }
        databaseUp = true;
    }

    /**
     * Writes the records in one transaction, or, when the database refuses that for the data of
     * one of them, one by one, each refused record going to the dead letters. Returns the records
     * not written because the database is away, for the journal.
     */
    private List<CallRecord> write(List<CallRecord> records) {
        try {
            insert(records);
            return List.of();
        } catch (SQLException e) {
            if (!refusedForData(e)) {
                down(e);
                return records;
            }
        }
        for (int i = 0; i < records.size(); i++) {
            CallRecord r = records.get(i);
            try {
                insert(List.of(r));
            } catch (SQLException e) {
                if (!refusedForData(e)) {
                    down(e);
                    return records.subList(i, records.size());
                }
                deadLetter(r, e);
            }
        }
        return List.of();
    }

    /**
     * SQLState class 22 (data exception: too long, out of range, a bad date) or 23 (integrity
     * constraint): this record will never be written as it is, while the database itself works.
     * Anything else (no connection, a timeout, a server error) may pass, so the record waits.
     */
    static boolean refusedForData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private void deadLetter(CallRecord r, SQLException e) {
        try {
            deadLetters.add(r, e);
            refused.incrementAndGet();
            log.error("call record {} refused by the database ({}, SQLState {}); kept in {}, the other records go on",
                    r.callId(), Database.rootMessage(e), e.getSQLState(), deadLetters.file());
        } catch (IOException io) {
            log.error("call record {} lost: refused by the database ({}) and not kept in {}: {}", r.callId(),
                    Database.rootMessage(e), deadLetters.file(), io.getMessage());
        }
    }

    private void down(SQLException e) {
        if (databaseUp) {
            log.warn("records database unavailable ({}); calls go on, records wait in the journal",
                    Database.rootMessage(e));
        }
        databaseUp = false;
        retryLater();
    }

    private void retryLater() {
        nextReplay = System.nanoTime() + retryInterval.toNanos();
    }

    void insert(List<CallRecord> batch) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement rec = c.prepareStatement(INSERT_RECORD);
                 PreparedStatement in = c.prepareStatement(INSERT_INPUT)) {
                for (CallRecord r : batch) {
                    int i = 1;
                    rec.setString(i++, r.callId());
                    rec.setString(i++, r.center());
                    rec.setString(i++, r.city());
                    rec.setString(i++, r.district());
                    rec.setString(i++, r.dialed());
                    rec.setString(i++, r.caller());
                    rec.setObject(i++, utc(r.startedMillis()));
                    rec.setObject(i++, utc(r.endedMillis()));
                    rec.setString(i++, r.language());
                    rec.setString(i++, r.path());
                    rec.setString(i++, r.topic());
                    rec.setString(i++, r.queue());
                    rec.setString(i++, r.outcome());
                    rec.setBoolean(i++, r.interpreter());
                    rec.setBoolean(i++, r.priority());
                    rec.setString(i++, r.entered());
                    if (r.surveyScore() == null) {
                        rec.setNull(i++, Types.TINYINT);
                    } else {
                        rec.setInt(i++, r.surveyScore());
                    }
                    rec.setLong(i++, r.menuMillis());
                    if (r.waitMillis() == null) {
                        rec.setNull(i++, Types.INTEGER);
                    } else {
                        rec.setLong(i++, r.waitMillis());
                    }
                    rec.setString(i, r.announcements());
                    rec.addBatch();
                    for (int seq = 0; seq < r.inputs().size(); seq++) {
                        String v = r.inputs().get(seq);
                        in.setString(1, r.callId());
                        in.setInt(2, seq);
                        in.setString(3, v.isEmpty() ? "none" : "key");
                        in.setString(4, v);
                        in.addBatch();
                    }
                }
                rec.executeBatch();
                in.executeBatch();
                c.commit();
                written.addAndGet(batch.size());
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Stored as UTC wall time: the column has no zone, and reports convert to each center's. A
     * LocalDateTime goes to the driver as is; a Timestamp would pass through the JVM's zone and
     * shift in its DST gap.
     */
    static java.time.LocalDateTime utc(long millis) {
        return java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
                (int) Math.floorMod(millis, 1000) * 1_000_000, java.time.ZoneOffset.UTC);
    }

    /** Writes what is queued (to the database or the journal) and stops. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(30_000);
            journal.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.warn("journal did not close cleanly: {}", e.getMessage());
        }
    }
}
