package org.onecall.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.config.DatabaseSettings;
import org.onecall.flow.CallSummary;
import org.onecall.flow.Outcome;

/** A database that accepts and never answers costs a write seconds, then records go to the journal. */
class StalledDatabaseTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path tmp;
    private StallingProxy proxy;
    private Database db;

    @BeforeEach
    void start() throws Exception {
        EmbeddedDatabase.Endpoint e = TestDatabase.embedded().endpoint();
        TestDatabase.database().migrate();
        proxy = new StallingProxy(e.port());
        String url = e.url().replace("127.0.0.1:" + e.port() + "/", "127.0.0.1:" + proxy.port() + "/");
        db = Database.open(new DatabaseSettings(true, Optional.of(url), e.user(), e.password(), Path.of("unused"), 2,
                TIMEOUT, tmp, 100, 10_000, Duration.ofMinutes(1), Duration.ofDays(730), Duration.ofDays(90)));
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        db.close();
    }

    @Test
    void statementOnAStalledDatabase_failsWithinTheTimeout() throws Exception {
        // Not closed here: on a hung connection close would wait; closing the proxy ends it.
        Connection c = db.connection();
        Statement s = c.createStatement();
        s.execute("SELECT 1");
        proxy.stall();
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> s.execute("SELECT 1"))
                .isInstanceOf(SQLException.class));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusSeconds(3));
        c.close();
    }

    @Test
    void writerOnAStalledDatabase_journalsTheRecordWithinSeconds() throws Exception {
        Instant now = Instant.now();
        CallSummary call = new CallSummary("1795541300.1", "metro-311", Optional.empty(), Optional.empty(), "311",
                Optional.empty(), now, now.plusSeconds(60), "en", Optional.empty(), List.of("menu:main"), List.of("1"),
                Optional.empty(), Optional.empty(), false, false, Outcome.SELF_SERVED, OptionalInt.empty(),
                Duration.ofSeconds(60), Optional.empty(), List.of());
        try (RecordWriter writer = new RecordWriter(db, tmp.resolve("journal"), 100, 100, Duration.ofMinutes(1))) {
            proxy.stall();
            long start = System.nanoTime();
            writer.record(call);
            while (writer.journaled() == 0 && System.nanoTime() - start < 15_000_000_000L) {
                Thread.sleep(20);
            }
            assertThat(writer.journaled()).as("the record is in the journal").isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }
}
