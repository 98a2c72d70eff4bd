package org.onecall.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.onecall.config.Center;
import org.onecall.config.ConfigLoader;

/** The watch turns the detector's decisions into announcement changes on the board. */
class SpikeWatchTest {
    static final Instant SURGE = Instant.parse("2026-11-18T15:00:00Z"); // Wednesday 10:00 in New York

    /** Every minute of three weeks: 3 calls overall, 1 of them about a water main; then ten times that. */
    static List<ArrivalHistory.Count> history(Instant surgeStart, Duration surge) {
        List<ArrivalHistory.Count> counts = new ArrayList<>();
        Instant t = surgeStart.minus(Duration.ofDays(21));
        Instant end = surgeStart.plus(Duration.ofHours(6));
        while (t.isBefore(end)) {
            boolean surging = !t.isBefore(surgeStart) && t.isBefore(surgeStart.plus(surge));
            counts.add(new ArrivalHistory.Count(ArrivalHistory.OVERALL, t, surging ? 12 : 3));
            counts.add(new ArrivalHistory.Count("water-main", t, surging ? 10 : 1));
            t = t.plusSeconds(60);
        }
        return counts;
    }

    record ListHistory(List<Count> all) implements ArrivalHistory {
        @Override
        public List<Count> counts(String center, Instant from, Instant to) {
            return all.stream().filter(c -> !c.minute().isBefore(from) && c.minute().isBefore(to)).toList();
        }
    }

    private static Center metro() throws Exception {
        return new ConfigLoader(Path.of("config"), Map.of(), Map.of()).load().center("metro-311").orElseThrow();
    }

    @Test
    void surgeOnATopic_startsItsArmedAnnouncementByRule_andCalmStopsIt() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(SURGE.minus(Duration.ofDays(1)));
        MemoryBoard board = new MemoryBoard(now::get);
        board.change("metro-311", "water-main", AnnouncementState.ARMED, Optional.empty(),
                new Actor.Administrator("alice"), "storm season");
        Center metro = metro();
        SpikeWatch watch = new SpikeWatch(() -> List.of(metro), new ListHistory(history(SURGE, Duration.ofHours(2))),
                board, now::get);

        watch.run();
        assertThat(board.current("metro-311").get("water-main").state()).isEqualTo(AnnouncementState.ARMED);

        now.set(SURGE.plus(Duration.ofMinutes(90)));
        watch.run();
        Announcement started = board.current("metro-311").get("water-main");
        assertThat(started.state()).isEqualTo(AnnouncementState.ACTIVE);
        assertThat(started.changedBy()).startsWith("rule:");
        AuditEntry start = board.audit("metro-311", 1).getFirst();
        assertThat(start.observedPerHour()).hasValueSatisfying(o -> assertThat(o).isGreaterThan(300));
        assertThat(start.expectedPerHour()).hasValueSatisfying(e -> assertThat(e).isBetween(40.0, 80.0));

        now.set(SURGE.plus(Duration.ofHours(6)));
        watch.run();
        assertThat(board.current("metro-311").get("water-main").state()).isEqualTo(AnnouncementState.ARMED);
    }

    @Test
    void anAnnouncementAnAdministratorSwitchedOn_isNotStoppedByTheRule_andAnOffOneIsNotStarted() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(SURGE.plus(Duration.ofMinutes(90)));
        MemoryBoard board = new MemoryBoard(now::get);
        Center metro = metro();
        SpikeWatch watch = new SpikeWatch(() -> List.of(metro), new ListHistory(history(SURGE, Duration.ofHours(2))),
                board, now::get);

        watch.run(); // the surge, but water-main is off (not armed): nothing starts
        assertThat(board.current("metro-311")).doesNotContainKey("water-main");

        board.change("metro-311", "water-main", AnnouncementState.ACTIVE, Optional.empty(),
                new Actor.Administrator("alice"), "crews on site");
        now.set(SURGE.plus(Duration.ofHours(6)));
        watch.run(); // calm again, but an administrator owns it
        assertThat(board.current("metro-311").get("water-main").state()).isEqualTo(AnnouncementState.ACTIVE);
    }

    @Test
    void suppressedForAPeriod_aSurgeDoesNotStartIt_untilThePeriodHasPassed() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(SURGE.plus(Duration.ofMinutes(90)));
        MemoryBoard board = new MemoryBoard(now::get);
        board.change("metro-311", "water-main", AnnouncementState.SUPPRESSED,
                Optional.of(SURGE.plus(Duration.ofMinutes(100))), new Actor.Administrator("alice"), "known break, handled");
        Center metro = metro();
        List<ArrivalHistory.Count> counts = history(SURGE, Duration.ofHours(4));
        SpikeWatch watch = new SpikeWatch(() -> List.of(metro), new ListHistory(counts), board, now::get);

        watch.run();
        assertThat(board.current("metro-311").get("water-main").state()).isEqualTo(AnnouncementState.SUPPRESSED);

        // The detector decided this surge already; a later one after the period starts it.
        SpikeWatch later = new SpikeWatch(() -> List.of(metro), new ListHistory(counts), board, now::get);
        now.set(SURGE.plus(Duration.ofMinutes(110)));
        later.run();
        assertThat(board.current("metro-311").get("water-main").state()).isEqualTo(AnnouncementState.ACTIVE);
    }

    @Test
    void aWatchStartedAfterASurgeHasEnded_leavesTheArmedAnnouncementAlone_andWritesNoStaleAudit() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(SURGE.plus(Duration.ofHours(6)));
        MemoryBoard board = new MemoryBoard(now::get);
        board.change("metro-311", "water-main", AnnouncementState.ARMED, Optional.empty(),
                new Actor.Administrator("alice"), "storm season");
        Center metro = metro();
        // A server (re)started after the surge: its detector reads the weeks before, surge included.
        SpikeWatch watch = new SpikeWatch(() -> List.of(metro), new ListHistory(history(SURGE, Duration.ofHours(2))),
                board, now::get);

        watch.run();
        assertThat(board.current("metro-311").get("water-main").state()).isEqualTo(AnnouncementState.ARMED);
        assertThat(board.audit("metro-311", 10)).as("only the administrator's arming").hasSize(1);
    }

    @Test
    void aWatchStartedDuringASurge_startsTheAnnouncementOnce() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(SURGE.plus(Duration.ofMinutes(90)));
        MemoryBoard board = new MemoryBoard(now::get);
        board.change("metro-311", "water-main", AnnouncementState.ARMED, Optional.empty(),
                new Actor.Administrator("alice"), "storm season");
        Center metro = metro();
        SpikeWatch watch = new SpikeWatch(() -> List.of(metro), new ListHistory(history(SURGE, Duration.ofHours(2))),
                board, now::get);

        watch.run();
        assertThat(board.current("metro-311").get("water-main").state()).isEqualTo(AnnouncementState.ACTIVE);
        assertThat(board.audit("metro-311", 10)).hasSize(2);
    }

    @Test
    void aMinuteIsReadOnlyOnceEveryServerHasWrittenItsArrivals() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(SURGE.plusSeconds(5));
        List<Instant> readUpTo = new ArrayList<>();
        ListHistory all = new ListHistory(history(SURGE, Duration.ofHours(2)));
        ArrivalHistory recording = (center, from, to) -> {
            readUpTo.add(to);
            return all.counts(center, from, to);
        };
        Center metro = metro();
        SpikeWatch watch = new SpikeWatch(() -> List.of(metro), recording, new MemoryBoard(now::get), now::get);
        for (int i = 0; i < 120; i++) {
            watch.run();
            Instant t = now.get();
            assertThat(readUpTo.getLast()).as("read at %s", t).isBeforeOrEqualTo(t.minus(SpikeWatch.SETTLE));
            now.set(t.plusSeconds(7));
        }
        assertThat(readUpTo.getLast()).as("and not later than that").isAfter(now.get().minusSeconds(90));
    }
}
