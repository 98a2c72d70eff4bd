package org.onecall.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.onecall.config.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records database: the configured MariaDB, or the embedded one when none is configured;
 * a HikariCP pool; the schema migrated by Flyway. An external database that is down at start
 * does not stop the server: migrations run once it answers, and records wait in the journal.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** A database that takes longer to accept a connection is as good as away. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** For purges and reports, which may rightly run for minutes on a big table. */
    private static final Duration SLOW_WORK_TIMEOUT = Duration.ofMinutes(10);

    private final HikariDataSource pool;
    private final Optional<EmbeddedDatabase> embedded;
    private volatile boolean migrated;

    private Database(HikariDataSource pool, Optional<EmbeddedDatabase> embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /** For the server: starts the embedded MariaDB if no URL is configured. */
    public static Database open(DatabaseSettings s) throws IOException {
        if (s.url().isPresent()) {
            Database db = new Database(pool(s.url().get(), s.user(), s.password(), s.poolSize(), s.timeout()), Optional.empty());
            db.migrate();
            return db;
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(s.embeddedDir());
        EmbeddedDatabase.Endpoint e = embedded.endpoint();
        Database db = new Database(pool(e.url(), e.user(), e.password(), s.poolSize(), s.timeout()), Optional.of(embedded));
        if (!db.migrate()) {
            db.close();
            throw new IOException("the embedded MariaDB started but its schema could not be migrated");
        }
        return db;
    }

    /**
     * For tools: the configured MariaDB, or a running server's embedded one, or (no server running)
     * the embedded one started for the tool alone.
     */
    public static Database connect(DatabaseSettings s) throws IOException {
        if (s.url().isPresent()) {
            Database db = new Database(pool(s.url().get(), s.user(), s.password(), 2, s.timeout()), Optional.empty());
            db.migrate();
            return db;
        }
        Optional<EmbeddedDatabase.Endpoint> running = EmbeddedDatabase.running(s.embeddedDir());
        if (running.isPresent()) {
            EmbeddedDatabase.Endpoint e = running.get();
            Database db = new Database(pool(e.url(), e.user(), e.password(), 2, s.timeout()), Optional.empty());
            db.migrate();
            return db;
        }
        return open(s);
    }

    private static HikariDataSource pool(String url, String user, String password, int size, Duration timeout) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("onecall-db");
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(1);
        // A database outage must surface in seconds, so records go to the journal instead of waiting:
        // no connection from the pool within 2 s, no TCP connection and handshake within 2 s, no
        // answer within database.timeout. Without the last, a database that accepts but never
        // answers (hung, or a half-open connection) would hold the record writer forever.
        c.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        c.setValidationTimeout(1_000);
        c.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
        c.addDataSourceProperty("socketTimeout", String.valueOf(timeout.toMillis()));
        // Start even when the database is down: the journal keeps records until it answers.
        c.setInitializationFailTimeout(-1);
        return new HikariDataSource(c);
    }

    /** Migrates the schema if not done yet; false (and logged) while the database does not answer. */
    public boolean migrate() {
        if (migrated) {
            return true;
        }
        try {
            // A migration may rebuild a big table: it gets the patience of a purge, not of a write.
            Flyway flyway = Flyway.configure().dataSource(new SlowDataSource()).locations("classpath:db/migration")
                    .loggers("slf4j").load();
            var result = flyway.migrate();
            migrated = true;
            if (result.migrationsExecuted > 0) {
                log.info("records schema migrated to version {} ({} migration(s))", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("records schema not migrated yet: {}", rootMessage(e));
            return false;
        }
    }

    public boolean migrated() {
        return migrated;
    }

    /**
     * A secret every server on this database shares (table shared_key): the one stored under
     * this name, or {@code made} stored now if none is. Two servers asking at once get the same.
     */
    public byte[] sharedKey(String name, byte[] made) throws SQLException {
        if (!migrate()) {
            throw new SQLException("the database is not reachable or not migrated yet");
        }
        try (Connection c = connection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT IGNORE INTO shared_key (name, value) VALUES (?, ?)")) {
                s.setString(1, name);
                s.setBytes(2, made);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM shared_key WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new SQLException("shared key '" + name + "' vanished after it was stored");
                    }
                    return r.getBytes(1);
                }
            }
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /**
     * A connection for a purge or a report, allowed minutes of silence: database.timeout is sized
     * for a record write. The pool restores the usual timeout when the connection comes back.
     */
    public Connection slowConnection() throws SQLException {
        Connection c = pool.getConnection();
        try {
            c.setNetworkTimeout(Runnable::run, (int) SLOW_WORK_TIMEOUT.toMillis());
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The pool as Flyway takes it, handing out {@link #slowConnection()}s. */
    private final class SlowDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return slowConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the pool logs in as configured");
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.isWrapperFor(type);
        }
    }

    public Optional<EmbeddedDatabase> embedded() {
        return embedded;
    }

    @Override
    public void close() {
        pool.close();
        embedded.ifPresent(EmbeddedDatabase::stop);
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage();
    }
}
