package org.onecall.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecall.TestClock;
import org.onecall.broadcast.PinGuard;
import org.onecall.broadcast.PinGuard.Subject;
import org.onecall.broadcast.PinGuard.Verdict;
import org.onecall.config.CallerNumberHash;

/**
 * Two servers of a center on one database, each with its own guard and its own tallies object:
 * they count the same wrong PINs.
 */
class DatabasePinTalliesTest {
    static final String METRO = "metro-311";
    static final PinGuard.Policy THREE_IN_15_MINUTES = new PinGuard.Policy(3, Duration.ofMinutes(15));
    static final Instant T0 = TestClock.ALL_OPEN;

    final TestClock clock = new TestClock(T0);
    // As every server on one database does: the database's key for caller numbers.
    final CallerNumberHash numbers = new CallerNumberHash(sharedKey());
    final PinGuard serverA = new PinGuard(new DatabasePinTallies(TestDatabase.database()), clock, numbers);
    final PinGuard serverB = new PinGuard(new DatabasePinTallies(TestDatabase.database()), clock, numbers);

    private static byte[] sharedKey() {
        try {
            return TestDatabase.database().sharedKey("caller-number", CallerNumberHash.newKey());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void empty() {
        TestDatabase.truncate();
    }

    private static long count(String table) throws SQLException {
        try (Connection c = TestDatabase.database().connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void wrongTriesOnTwoServers_addUpToALockout_seenByBoth() throws Exception {
        serverA.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        serverB.failed(METRO, "1001", "2125550101", THREE_IN_15_MINUTES);
        assertThat(serverA.check(METRO, "1001", "2125550102")).isEqualTo(new Verdict.Open());

        Instant until = T0.plus(Duration.ofMinutes(15));
        assertThat(serverA.failed(METRO, "1001", "2125550102", THREE_IN_15_MINUTES))
                .containsExactly(new Verdict.Locked(Subject.ADMIN_ID, until));
        assertThat(serverB.check(METRO, "1001", "3105550199")).isEqualTo(new Verdict.Locked(Subject.ADMIN_ID, until));
        assertThat(serverA.check(METRO, "1001", "3105550199")).isEqualTo(new Verdict.Locked(Subject.ADMIN_ID, until));
        assertThat(serverB.check(METRO, "1002", "3105550199")).isEqualTo(new Verdict.Open());

        clock.set(until);
        assertThat(serverB.check(METRO, "1001", "3105550199")).isEqualTo(new Verdict.Open());
    }

    @Test
    void aLockout_outlivesTheServerThatMadeIt() throws Exception {
        for (int i = 0; i < 3; i++) {
            serverA.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        }
        PinGuard restarted = new PinGuard(new DatabasePinTallies(TestDatabase.database()), clock,
                new CallerNumberHash(sharedKey()));
        assertThat(restarted.check(METRO, "1001", "2125550100")).isInstanceOf(Verdict.Locked.class);
    }

    @Test
    void rightPinOnOneServer_clearsTheWrongTriesForBoth() throws Exception {
        serverA.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        serverB.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        serverB.succeeded(METRO, "1001", "2125550100");

        assertThat(count("pin_failure")).isZero();
        assertThat(serverA.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES)).isEmpty();
        assertThat(serverA.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES)).isEmpty();
        assertThat(serverB.check(METRO, "1001", "2125550100")).isEqualTo(new Verdict.Open());
    }

    @Test
    void triesOlderThanTheWindow_areForgotten_andDeleted() throws Exception {
        for (int i = 0; i < 50; i++) {
            serverA.failed(METRO, "9" + i, "21255501" + i, THREE_IN_15_MINUTES);
        }
        serverB.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        assertThat(count("pin_tally")).isEqualTo(102);
        assertThat(count("pin_failure")).isEqualTo(102);

        clock.set(T0.plus(Duration.ofMinutes(10)));
        serverB.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        clock.set(T0.plus(Duration.ofMinutes(16)));
        // The first try of 1001 is out of the window: two wrong tries in it lock nothing.
        assertThat(serverA.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES)).isEmpty();

        assertThat(count("pin_tally")).as("only 1001 and its number are remembered").isEqualTo(2);
        assertThat(count("pin_failure")).as("their two tries inside the window").isEqualTo(4);
        assertThat(serverB.check(METRO, "1001", "2125550100")).isEqualTo(new Verdict.Open());
    }

    @Test
    void aLockoutInForce_isNotForgotten_andItsRowGoesOnceItIsOver() throws Exception {
        PinGuard.Policy threeInAMinute = new PinGuard.Policy(3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            serverA.failed(METRO, "1001", "2125550100", threeInAMinute);
        }
        clock.set(T0.plusSeconds(59));
        serverB.failed(METRO, "7", "3105550199", threeInAMinute);
        assertThat(serverB.check(METRO, "1001", "2125550100")).isInstanceOf(Verdict.Locked.class);

        clock.set(T0.plusSeconds(121));
        serverB.failed(METRO, "7", "3105550199", threeInAMinute);
        assertThat(count("pin_tally")).as("7 and its number only").isEqualTo(2);
    }

    @Test
    void concurrentWrongTries_fromManyThreadsOnTwoServers_allCount() throws Exception {
        // A limit no one reaches: the tally must hold every try.
        PinGuard.Policy generous = new PinGuard.Policy(1_000, Duration.ofMinutes(15));
        int threads = 8;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PinGuard server = t % 2 == 0 ? serverA : serverB;
                String number = "21255501" + t;
                work.add(() -> {
                    for (int i = 0; i < each; i++) {
                        server.failed(METRO, "1001", number, generous); // all at the same instant
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        DatabasePinTallies tallies = new DatabasePinTallies(TestDatabase.database());
        assertThat(tallies.read(new PinGuard.Key(METRO, Subject.ADMIN_ID, "1001")).failures())
                .hasSize(threads * each).containsOnly(T0);
        // One more try on a limit of threads * each + 1 locks the id: nothing was lost.
        PinGuard.Policy justAbove = new PinGuard.Policy(threads * each + 1, Duration.ofMinutes(15));
        assertThat(serverA.failed(METRO, "1001", "3105550199", justAbove)).extracting(Verdict.Locked::subject)
                .containsExactly(Subject.ADMIN_ID);
    }

    @Test
    void callerNumbers_areStoredByTheirHash() throws Exception {
        serverA.failed(METRO, "1001", "+1 (212) 555-0100", THREE_IN_15_MINUTES);
        try (Connection c = TestDatabase.database().connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT value FROM pin_tally WHERE subject = 'CALLER_NUMBER'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).startsWith("hmac:").doesNotContain("2125550100");
        }
    }
}
