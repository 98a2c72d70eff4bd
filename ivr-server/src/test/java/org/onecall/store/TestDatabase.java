package org.onecall.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import org.onecall.config.DatabaseSettings;

/**
 * One real MariaDB (the embedded one) for the whole test run, in target/, started on first use
 * and stopped when the JVM ends. Tests that need an empty database call {@link #truncate()}.
 */
public final class TestDatabase {
    private static EmbeddedDatabase embedded;
    private static Database database;

    private TestDatabase() {
    }

    public static synchronized EmbeddedDatabase embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedDatabase.start(Path.of("ivr-server/target/test-mariadb"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (database != null) {
                    database.close();
                }
                embedded.stop();
            }));
        }
        return embedded;
    }

    /** The database as a configured (external) one: what the server does with database.url. */
    public static synchronized Database database() {
        if (database == null) {
            try {
                database = Database.open(settings(Path.of("ivr-server/target/test-journal-unused")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return database;
    }

    public static DatabaseSettings settings(Path journal) {
        EmbeddedDatabase.Endpoint e = embedded().endpoint();
        return new DatabaseSettings(true, Optional.of(e.url()), e.user(), e.password(), Path.of("unused"), 4,
                Duration.ofSeconds(10), journal, 100, 10_000, Duration.ofMillis(200), Duration.ofDays(730), Duration.ofDays(90));
    }

    /** --set overrides that point a test server at this database. */
    public static String[] serverSettings(Path journal) {
        EmbeddedDatabase.Endpoint e = embedded().endpoint();
        return new String[] {"records.enabled=true", "database.url=" + e.url(), "database.user=" + e.user(),
                "database.password=" + e.password(), "records.journal-dir=" + journal.toAbsolutePath(),
                "records.retry-interval=200ms"};
    }

    /** Empties records, announcements, arrivals and wrong-PIN tallies. */
    public static void truncate() {
        try (Connection c = database().connection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM call_input");
            s.execute("DELETE FROM call_record");
            // Announcements active in the shared database would change every later caller's journey.
            s.execute("DELETE FROM announcement_state");
            s.execute("DELETE FROM announcement_audit");
            s.execute("DELETE FROM call_arrival");
            s.execute("DELETE FROM pin_failure");
            s.execute("DELETE FROM pin_tally");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
