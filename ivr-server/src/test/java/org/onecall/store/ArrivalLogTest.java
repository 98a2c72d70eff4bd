package org.onecall.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecall.broadcast.ArrivalHistory;

/** The detector of every server sees the arrivals of all of them. */
class ArrivalLogTest {
    private final Database db = TestDatabase.database();

    @BeforeEach
    void empty() throws Exception {
        try (var c = db.connection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM call_arrival");
        }
    }

    @Test
    void twoServers_countingTheSameMinute_addUp_perTopicAndOverall() throws Exception {
        ArrivalLog a = new ArrivalLog(db, "host-a:1");
        ArrivalLog b = new ArrivalLog(db, "host-b:2");
        Instant t = Instant.parse("2026-01-25T14:03:20Z");
        for (int i = 0; i < 3; i++) {
            a.arrived("metro-311", Optional.empty(), t);
        }
        a.arrived("metro-311", Optional.of("snow"), t.plusSeconds(30));
        b.arrived("metro-311", Optional.empty(), t.plusSeconds(10));
        b.arrived("metro-311", Optional.of("snow"), t.plusSeconds(70)); // the next minute
        b.arrived("gyeonggi-120", Optional.empty(), t);
        a.run();
        b.run();
        a.arrived("metro-311", Optional.empty(), t); // a later flush adds to the same minute
        a.run();

        List<ArrivalHistory.Count> counts = a.counts("metro-311", t.minusSeconds(600), t.plusSeconds(600));

        Instant minute = Instant.parse("2026-01-25T14:03:00Z");
        assertThat(counts).containsExactlyInAnyOrder(
                new ArrivalHistory.Count(ArrivalHistory.OVERALL, minute, 5),
                new ArrivalHistory.Count("snow", minute, 1),
                new ArrivalHistory.Count("snow", minute.plusSeconds(60), 1));
    }

    @Test
    void countsThatCannotBeWritten_stayForTheNextFlush() throws Exception {
        ArrivalLog a = new ArrivalLog(db, "host-a:1");
        Instant t = Instant.parse("2026-01-25T15:00:00Z");
        a.arrived("metro-311", Optional.empty(), t);
        TestDatabase.embedded().stop();
        try {
            a.run();
        } finally {
            TestDatabase.embedded().restart();
        }
        a.arrived("metro-311", Optional.empty(), t);
        a.run();
        assertThat(a.counts("metro-311", t, t.plusSeconds(60)))
                .containsExactly(new ArrivalHistory.Count(ArrivalHistory.OVERALL, t, 2));
    }
}
