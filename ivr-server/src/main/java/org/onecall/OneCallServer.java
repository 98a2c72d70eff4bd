package org.onecall;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import java.util.List;
import java.util.Optional;

import org.onecall.admin.AdminServer;
import org.onecall.admin.AnnouncementCatalog;
import org.onecall.agi.FastAgiServer;
import org.onecall.broadcast.Arrivals;
import org.onecall.broadcast.Board;
import org.onecall.broadcast.Expiries;
import org.onecall.broadcast.MemoryBoard;
import org.onecall.broadcast.MemoryPinTallies;
import org.onecall.broadcast.PinGuard;
import org.onecall.broadcast.PinTallies;
import org.onecall.broadcast.SpikeWatch;
import org.onecall.config.AdminSettings;
import org.onecall.config.CallerNumberHash;
import org.onecall.config.Center;
import org.onecall.config.DatabaseSettings;
import org.onecall.store.ArrivalLog;
import org.onecall.store.Database;
import org.onecall.store.DatabaseBoard;
import org.onecall.store.DatabasePinTallies;
import org.onecall.store.RecordWriter;
import org.onecall.store.Retention;
import org.onecall.config.ConfigException;
import org.onecall.config.ConfigLoader;
import org.onecall.config.ConfigWatcher;
import org.onecall.config.OneCallConfig;
import org.onecall.flow.CallHandler;
import org.onecall.flow.CallRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running OneCall: the configuration and its reloads, the call handler, the FastAGI listener,
 * the admin HTTP API.
 * Wired by hand here so that the command line and the tests start exactly the same server.
 */
public final class OneCallServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OneCallServer.class);

    private final AtomicReference<OneCallConfig> config;
    private final FastAgiServer agi;
    private final ScheduledExecutorService scheduler;
    private final Optional<Records> records;
    private final Board board;
    private final Optional<AdminServer> admin;
    private final Optional<ArrivalLog> arrivals;
    private final Optional<SpikeWatch> spikes;

    /** The records side: the database and the writer in front of it. */
    public record Records(Database database, RecordWriter writer) {
    }

    private OneCallServer(AtomicReference<OneCallConfig> config, FastAgiServer agi, ScheduledExecutorService scheduler,
                          Optional<Records> records, Board board, Optional<AdminServer> admin,
                          Optional<ArrivalLog> arrivals, Optional<SpikeWatch> spikes) {
        this.config = config;
        this.agi = agi;
        this.scheduler = scheduler;
        this.records = records;
        this.board = board;
        this.admin = admin;
        this.arrivals = arrivals;
        this.spikes = spikes;
    }

    /** Loads and validates the configuration, then starts listening. An invalid config starts nothing. */
    public static OneCallServer start(ConfigLoader loader, InstantSource clock) throws ConfigException, IOException {
        OneCallConfig initial = loader.load();
        AtomicReference<OneCallConfig> config = new AtomicReference<>(initial);
        DatabaseSettings db = initial.server().database();
        Optional<Records> records = Optional.empty();
        if (db.enabled()) {
            Database database = Database.open(db);
            records = Optional.of(new Records(database, new RecordWriter(database, db.journalDir(),
                    db.queueCapacity(), db.batchSize(), db.retryInterval())));
        }
        CallRecorder recorder = records.<CallRecorder>map(Records::writer).orElse(CallRecorder.NONE);
        // With a database, every server of a center shares the announcement board; without, it is this server's.
        Optional<DatabaseBoard> sharedBoard = records.map(r -> new DatabaseBoard(r.database(), clock));
        sharedBoard.ifPresent(DatabaseBoard::run);
        Board board = sharedBoard.<Board>map(b -> b).orElseGet(() -> new MemoryBoard(clock));
        // Each server counts its arrivals into the shared table: the detector sees them all.
        Optional<ArrivalLog> arrivals = records.map(r -> new ArrivalLog(r.database(), serverId()));
        prepareRecordingsDir(initial);
        // Likewise the wrong-PIN tallies: guesses spread over a center's servers add up, and survive a restart.
        CallerNumberHash numbers = callerNumberHash(records);
        PinGuard pins = new PinGuard(records.<PinTallies>map(r -> new DatabasePinTallies(r.database()))
                .orElseGet(MemoryPinTallies::new), clock, numbers);
        CallHandler handler = new CallHandler(config::get, clock, recorder, board,
                arrivals.<Arrivals>map(a -> a).orElse(Arrivals.NONE), pins, numbers);
        FastAgiServer agi = new FastAgiServer(initial.server().agi(), handler::handle);
        try {
            agi.start();
        } catch (IOException e) {
            records.ifPresent(OneCallServer::closeRecords);
            throw e;
        }
        // What exists comes from the current center files; the states from the board.
        AnnouncementCatalog catalog = center -> config.get().center(center)
                .map(c -> c.announcements().values().stream()
                        .sorted(java.util.Comparator.comparing(Center.AnnouncementSpec::id))
                        .map(a -> new AnnouncementCatalog.Listed(a.id(), a.topic(), a.prompt())).toList());
        Optional<AdminServer> admin;
        try {
            admin = startAdmin(initial.server().admin(), config, board, catalog, clock);
        } catch (IOException e) {
            agi.shutdown(Duration.ZERO);
            records.ifPresent(OneCallServer::closeRecords);
            throw e;
        }
        // One named scheduler for every periodic job, with a thread per job: a database that hangs
        // (retention may wait minutes on it) must not hold up a config reload or the board refresh.
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(SCHEDULED_JOBS,
                Thread.ofPlatform().name("onecall-scheduler-", 1).daemon().factory());
        long every = initial.server().reloadInterval().toMillis();
        scheduler.scheduleWithFixedDelay(new ConfigWatcher(loader, config), every, every, TimeUnit.MILLISECONDS);
        records.ifPresent(r -> scheduler.scheduleWithFixedDelay(new Retention(r.database(), db, clock),
                1, 3600, TimeUnit.SECONDS));
        // Twice a second: a switch made on any server reaches every server's next caller within a second.
        sharedBoard.ifPresent(b -> scheduler.scheduleWithFixedDelay(b, 500, 500, TimeUnit.MILLISECONDS));
        arrivals.ifPresent(a -> scheduler.scheduleWithFixedDelay(a, 5, 5, TimeUnit.SECONDS));
        scheduler.scheduleWithFixedDelay(new Expiries(() -> config.get().centers().stream().map(Center::id).toList(),
                board, clock), 1, 1, TimeUnit.SECONDS);
        // Each server watches the arrivals of all: armed announcements start and stop by themselves.
        Optional<SpikeWatch> spikes = arrivals.map(a -> new SpikeWatch(() -> config.get().centers(), a, board, clock));
        spikes.ifPresent(w -> scheduler.scheduleWithFixedDelay(w, 60, 60, TimeUnit.SECONDS));
        return new OneCallServer(config, agi, scheduler, records, board, admin, arrivals, spikes);
    }

    /** The admin API when admin.port is set; tokens are read from each snapshot, so a reload applies them. */
    private static Optional<AdminServer> startAdmin(AdminSettings settings, AtomicReference<OneCallConfig> config,
                                                    Board board, AnnouncementCatalog catalog, InstantSource clock)
            throws IOException {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        return Optional.of(AdminServer.start(new InetSocketAddress(settings.bind(), settings.port().getAsInt()), board,
                catalog, () -> config.get().server().admin().tokens(), clock));
    }

    /**
     * Asterisk's RECORD FILE does not create folders. When Asterisk runs on this machine (the
     * shipped setup) this makes the folder; elsewhere it must exist where Asterisk runs.
     */
    private static void prepareRecordingsDir(OneCallConfig config) {
        if (config.centers().stream().noneMatch(c -> c.adminEntry().isPresent())) {
            return;
        }
        Path dir = config.server().recordingsDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            log.warn("could not create {} ({}): administrators' recordings need it where Asterisk runs", dir,
                    e.getMessage());
        }
    }

    /** Config reload, retention, board refresh, arrivals, spike watch, expiries. */
    private static final int SCHEDULED_JOBS = 6;

    public InetSocketAddress agiAddress() {
        return agi.address();
    }

    /** The admin API's base URL (http://host:port), when it runs. */
    public Optional<String> adminUrl() {
        return admin.map(AdminServer::url);
    }

    public OneCallConfig config() {
        return config.get();
    }

    public int activeCalls() {
        return agi.activeCalls();
    }

    public long refusedCalls() {
        return agi.refusedCalls();
    }

    /**
     * For a server that a JVM exit hook stops: at SIGTERM the last calls still write records
     * through the grace, so the embedded database stays up until {@link #stop()} closes it after
     * them (with a minute's margin for the writer) instead of going down with the JVM's first
     * exit hook.
     */
    public void keepDatabaseThroughExit() {
        Duration grace = config.get().server().shutdownGrace();
        records.flatMap(r -> r.database().embedded())
                .ifPresent(e -> e.keepThroughExit(grace.plus(Duration.ofMinutes(1))));
    }

    /** Stops taking calls and lets those in progress finish within the configured grace period. */
    public void stop() {
        stop(config.get().server().shutdownGrace());
    }

    /** Writes the arrivals counted so far and runs the spike watch now (it runs every minute anyway). */
    public void watchSpikesNow() {
        arrivals.ifPresent(ArrivalLog::run);
        spikes.ifPresent(SpikeWatch::run);
    }

    /** The announcement states this server plays from. */
    public Board board() {
        return board;
    }

    public Optional<Records> records() {
        return records;
    }

    public void stop(Duration grace) {
        admin.ifPresent(AdminServer::close);
        scheduler.shutdownNow();
        agi.shutdown(grace);
        // The last seconds' arrivals, which the other servers' spike watches still count.
        arrivals.ifPresent(ArrivalLog::run);
        // After the calls: their records are written (or journaled) before the database stops.
        records.ifPresent(OneCallServer::closeRecords);
        log.info("OneCall stopped");
    }

    /**
     * The key of hashed caller numbers: the database's, shared by every server on it. A server
     * without one, or whose database is away at start, hashes with a key of its own: its hashes
     * then match no other server's, but no number is ever kept in clear for want of a key.
     */
    private static CallerNumberHash callerNumberHash(Optional<Records> records) {
        if (records.isEmpty()) {
            return CallerNumberHash.ofThisProcess();
        }
        try {
            return new CallerNumberHash(records.get().database().sharedKey("caller-number", CallerNumberHash.newKey()));
        } catch (SQLException e) {
            log.warn("caller numbers are hashed with this server's own key until it restarts: the database's key is"
                    + " out of reach ({}), so repeat callers of this run match no other server's", e.getMessage());
            return CallerNumberHash.ofThisProcess();
        }
    }

    /** This server among the center's servers: host and process. */
    private static String serverId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    private static void closeRecords(Records r) {
        r.writer().close();
        r.database().close();
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
