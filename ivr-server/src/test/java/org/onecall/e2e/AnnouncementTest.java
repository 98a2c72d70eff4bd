package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.TestClock;
import org.onecall.broadcast.Actor;
import org.onecall.broadcast.AnnouncementState;
import org.onecall.broadcast.AuditEntry;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.Route;
import org.onecall.emulator.Transcript;
import org.onecall.store.TestDatabase;

/** Emergency announcements as callers hear them, switched by an administrator. */
class AnnouncementTest {
    static final Actor ALICE = new Actor.Administrator("alice");

    @TempDir
    Path tmp;

    @Test
    void activeAnnouncement_isHeardAfterTheLanguageChoice_andItsTopicIsOfferedFirst() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            server.server.board().change("metro-311", "snow", AnnouncementState.ACTIVE, Optional.empty(), ALICE,
                    "snow emergency declared");
            // Spanish; the announcement plays to its end (no key); 1 at the offer: the snow desk.
            Transcript t = server.call("311", CallerScript.keys("2", "", "1"));
            assertThat(t.prompts()).startsWith("onecall/metro-311/greeting", "onecall/metro-311/choose-language",
                    "onecall/metro-311/announce-snow", "onecall/metro-311/offer-snow", "onecall/connecting");
            assertThat(t.route()).contains(new Route("metro-311-streets", "es", "snow"));

            // Without pressing 1 the caller goes on to the menu as usual.
            Transcript other = server.call("311", CallerScript.keys("1", "", "", "1", "1"));
            assertThat(other.prompts()).containsSubsequence("onecall/metro-311/announce-snow",
                    "onecall/metro-311/offer-snow", "onecall/metro-311/main-menu");
            assertThat(other.route()).contains(new Route("metro-311-sanitation", "en", "missed-pickup"));
        }
    }

    @Test
    void switchedOff_theNextCallerHearsNothing_andExpiredAnnouncementsStopByThemselves() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            var board = server.server.board();
            board.change("metro-311", "high-volume", AnnouncementState.ACTIVE, Optional.empty(), ALICE, "storm");
            assertThat(server.call("311", TestServer.ORDINARY).prompts()).contains("onecall/announce-high-volume");

            board.change("metro-311", "high-volume", AnnouncementState.OFF, Optional.empty(), ALICE, "calm again");
            assertThat(server.call("311", TestServer.ORDINARY).prompts()).doesNotContain("onecall/announce-high-volume");

            board.change("metro-311", "high-volume", AnnouncementState.ACTIVE,
                    Optional.of(TestClock.ALL_OPEN.plus(Duration.ofHours(1))), ALICE, "for an hour");
            assertThat(server.call("311", TestServer.ORDINARY).prompts()).contains("onecall/announce-high-volume");
            server.clock.set(TestClock.ALL_OPEN.plus(Duration.ofHours(2)));
            assertThat(server.call("311", TestServer.ORDINARY).prompts()).doesNotContain("onecall/announce-high-volume");

            // The board follows within a second or so, and the audit says the expiry ended it.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (board.audit("metro-311", 10).size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(board.audit("metro-311", 10)).extracting(AuditEntry::to).containsExactly(
                    AnnouncementState.OFF, AnnouncementState.ACTIVE, AnnouncementState.OFF, AnnouncementState.ACTIVE);
            assertThat(board.audit("metro-311", 1).getFirst().actor()).isEqualTo("expiry");
        }
    }

    @Test
    void twoServersOnOneDatabase_agree_andASwitchReachesTheOtherServerWithinASecond() throws Exception {
        TestDatabase.truncate();
        try (TestServer a = TestServer.start(tmp.resolve("a"), TestDatabase.serverSettings(tmp.resolve("ja")));
             TestServer b = TestServer.start(tmp.resolve("b"), TestDatabase.serverSettings(tmp.resolve("jb")))) {
            a.server.board().change("gyeonggi-120", "flooding", AnnouncementState.ACTIVE, Optional.empty(), ALICE,
                    "heavy rain");
            long start = System.nanoTime();
            Transcript heard;
            do {
                heard = b.call(CallSetup.to("120").withUniqueId("1795550000." + System.nanoTime() % 1_000_000)
                        .withCaller(CallerScript.keys("1", "7", "", "1")));   // Korean, Dongducheon, listens, 1
            } while (!heard.prompts().contains("onecall/gyeonggi-120/announce-flooding")
                    && System.nanoTime() - start < 3_000_000_000L);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("until server b's callers hear it")
                    .isLessThan(Duration.ofMillis(1500));
            assertThat(heard.route()).contains(new Route("gyeonggi-120-province", "ko", "flooding"));

            // Losing the database does not stop an announcement already active.
            TestDatabase.embedded().stop();
            try {
                Thread.sleep(700); // a refresh or two fail
                assertThat(b.call("120", CallerScript.keys("1", "7", "", "1")).prompts())
                        .contains("onecall/gyeonggi-120/announce-flooding");
            } finally {
                TestDatabase.embedded().restart();
            }
        }
        try (Connection c = TestDatabase.database().connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT actor, reason, to_state FROM announcement_audit")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("admin:alice");
            assertThat(r.getString(2)).isEqualTo("heavy rain");
            assertThat(r.getString(3)).isEqualTo("ACTIVE");
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void aMessageRecordedByPhoneOnOneServer_isHeardByTheCallersOfAnother_untilSwitchedOff() throws Exception {
        TestDatabase.truncate();
        try (TestServer a = TestServer.start(tmp.resolve("a"), TestDatabase.serverSettings(tmp.resolve("ja")));
             TestServer b = TestServer.start(tmp.resolve("b"), TestDatabase.serverSettings(tmp.resolve("jb")))) {
            String file = tmp.resolve("recordings/metro-311-high-volume-20261119-003000").toString();
            a.server.board().switchOnRecording("metro-311", "high-volume", file, new Actor.Phone("1001"),
                    "by phone, new recording");
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (b.server.board().current("metro-311").get("high-volume") == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(b.call("311", TestServer.ORDINARY).prompts()).contains(file)
                    .doesNotContain("onecall/announce-high-volume");

            b.server.board().change("metro-311", "high-volume", AnnouncementState.OFF, Optional.empty(), ALICE, "over");
            b.server.board().change("metro-311", "high-volume", AnnouncementState.ACTIVE, Optional.empty(), ALICE,
                    "again, next week");
            assertThat(b.call("311", TestServer.ORDINARY).prompts()).as("switched off: the old message is gone")
                    .contains("onecall/announce-high-volume").doesNotContain(file);
        } finally {
            TestDatabase.truncate();
        }
    }

    @Test
    void theCallRecord_saysWhichAnnouncementsTheCallerHeard() throws Exception {
        TestDatabase.truncate();
        try (TestServer server = TestServer.start(tmp, TestDatabase.serverSettings(tmp.resolve("j")))) {
            server.server.board().change("metro-311", "water-main", AnnouncementState.ACTIVE, Optional.empty(), ALICE,
                    "break on 5th");
            server.call(CallSetup.to("311").withUniqueId("1795560000.1").withCaller(CallerScript.keys("1", "", "1")));
            long deadline = System.nanoTime() + 10_000_000_000L;
            String heard = null;
            while (heard == null && System.nanoTime() < deadline) {
                try (Connection c = TestDatabase.database().connection(); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT announcements, topic FROM call_record WHERE call_id = '1795560000.1'")) {
                    if (r.next()) {
                        heard = r.getString(1) + "/" + r.getString(2);
                    }
                }
                Thread.sleep(50);
            }
            assertThat(heard).isEqualTo("water-main/water-main");
            server.server.board().change("metro-311", "water-main", AnnouncementState.OFF, Optional.empty(), ALICE, "fixed");
        }
    }

}
