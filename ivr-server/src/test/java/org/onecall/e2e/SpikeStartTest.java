package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.TestClock;
import org.onecall.broadcast.Actor;
import org.onecall.broadcast.AnnouncementState;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.store.TestDatabase;

/** A burst of calls about one topic starts its armed announcement; later callers hear it. */
class SpikeStartTest {
    @TempDir
    Path tmp;

    /** English, water, water main: one arrival overall and one on water-main. */
    static final CallerScript WATER_MAIN = CallerScript.keys("1", "5", "1");

    @Test
    void burstOfWaterMainCalls_startsTheArmedAnnouncement_andLaterCallersHearIt() throws Exception {
        Instant burst = TestClock.ALL_OPEN; // Wednesday 19:30 in New York, the start of a 15-minute bucket
        TestDatabase.truncate();
        // Three ordinary weeks: per quarter hour 30 calls, 6 of them about a water main (server "history").
        try (Connection c = TestDatabase.database().connection();
             PreparedStatement s = c.prepareStatement("INSERT INTO call_arrival (center, topic, minute, server, calls)"
                     + " VALUES ('metro-311', ?, ?, 'history', ?)")) {
            for (Instant t = burst.minus(Duration.ofDays(21)); t.isBefore(burst); t = t.plus(Duration.ofMinutes(15))) {
                LocalDateTime minute = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
                s.setString(1, "");
                s.setObject(2, minute);
                s.setLong(3, 30);
                s.addBatch();
                s.setString(1, "water-main");
                s.setObject(2, minute);
                s.setLong(3, 6);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (TestServer server = TestServer.start(tmp, TestDatabase.serverSettings(tmp.resolve("journal")))) {
            server.server.board().change("metro-311", "water-main", AnnouncementState.ARMED, Optional.empty(),
                    new Actor.Administrator("alice"), "storm season");
            server.server.watchSpikesNow(); // learns the history; nothing to start
            assertThat(server.server.board().current("metro-311").get("water-main").state())
                    .isEqualTo(AnnouncementState.ARMED);

            // Two quarter hours of 60 calls each about a water main: ten times the usual.
            for (int quarter = 0; quarter < 2; quarter++) {
                server.clock.set(burst.plus(Duration.ofMinutes(15L * quarter + 1)));
                for (int i = 0; i < 60; i++) {
                    server.call(CallSetup.to("311").withUniqueId("1795570000." + (quarter * 100 + i)).withCaller(WATER_MAIN));
                }
            }
            // Just after the second quarter hour, once every server has had time to write its counts.
            server.clock.set(burst.plus(Duration.ofMinutes(30)).plusSeconds(30));
            server.server.watchSpikesNow();

            var started = server.server.board().current("metro-311").get("water-main");
            assertThat(started.state()).isEqualTo(AnnouncementState.ACTIVE);
            assertThat(started.changedBy()).startsWith("rule:");
            assertThat(server.call("311", CallerScript.keys("1", "", "1")).prompts())
                    .contains("onecall/metro-311/announce-water-main", "onecall/metro-311/offer-water-main");
            assertThat(server.server.board().audit("metro-311", 1).getFirst().observedPerHour())
                    .hasValueSatisfying(perHour -> assertThat(perHour).isGreaterThanOrEqualTo(200));
        } finally {
            TestDatabase.truncate(); // no announcement left active for the tests after this one
        }
    }
}
