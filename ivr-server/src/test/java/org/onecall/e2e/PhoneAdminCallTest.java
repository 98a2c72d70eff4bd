package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.TestClock;
import org.onecall.broadcast.Announcement;
import org.onecall.broadcast.AnnouncementState;
import org.onecall.broadcast.AuditEntry;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.Event;
import org.onecall.emulator.Transcript;
import org.onecall.store.TestDatabase;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The administrators' phone entry, end to end: a real server, the emulated Asterisk, the
 * in-memory board and tallies unless a test puts servers on the database. metro-311 ships
 * administrator 1001 with PIN 4321; its announcements are numbered by id: 1 high-volume, 2 snow,
 * 3 water-main.
 */
class PhoneAdminCallTest {
    static final String ADMIN_LINE = "2125550399";
    static final String SUPERVISOR_PHONE = "2125550100";
    static final String SNOW = "onecall/metro-311/announce-snow";
    /** English, listens to the announcements and their offer, trash, missed pickup. */
    static final CallerScript RESIDENT = CallerScript.keys("1", "", "", "1", "1");

    @TempDir
    Path tmp;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    static CallSetup admin(String from, String... keys) {
        return CallSetup.to(ADMIN_LINE).withFrom(from).withCaller(CallerScript.keys(keys));
    }

    private List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static Optional<Announcement> state(TestServer server, String id) {
        return Optional.ofNullable(server.server.board().current("metro-311").get(id));
    }

    private static List<String> said(Transcript t) {
        return t.events().stream().filter(Event.Said.class::isInstance).map(e -> ((Event.Said) e).what()).toList();
    }

    @Test
    void rightIdAndPin_switchesAnAnnouncementOn_andTheNextCallerHearsIt() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            assertThat(server.call("311", RESIDENT).prompts()).doesNotContain(SNOW);

            // id, PIN, announcement 2, its message plays to the end, 1: on; then silence until goodbye.
            Transcript t = server.call(admin(SUPERVISOR_PHONE, "1001#", "4321#", "2#", "", "1"));

            assertThat(t.prompts()).containsSubsequence("onecall/admin/enter-id", "onecall/admin/enter-pin",
                    "onecall/admin/announcement", "onecall/admin/is-off", "onecall/admin/choose", SNOW,
                    "onecall/admin/actions", "onecall/admin/done", "onecall/admin/announcement", "onecall/admin/is-on",
                    "onecall/goodbye");
            assertThat(said(t)).startsWith("digits 1", "digits 2", "digits 3", "digits 2");
            assertThat(t.events()).contains(new Event.VariableSet("CHANNEL(language)", "en"));
            assertThat(t.outcome()).isEqualTo("server-hung-up");
            assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");

            Announcement snow = state(server, "snow").orElseThrow();
            assertThat(snow.state()).isEqualTo(AnnouncementState.ACTIVE);
            assertThat(snow.changedBy()).isEqualTo("phone:1001");
            assertThat(snow.reason()).isEqualTo("by phone");

            Transcript next = server.call("311", RESIDENT);
            assertThat(next.prompts()).containsSubsequence("onecall/metro-311/greeting", SNOW,
                    "onecall/metro-311/offer-snow", "onecall/metro-311/main-menu");
            assertThat(next.route()).isPresent();
        }
    }

    @Test
    void armAndOff_byPhone_areReadOutAfterwards_andTheAuditNamesTheAdministrator() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            // The AGI script of the entry reaches it too; 3: water-main, 2: arm.
            Transcript armed = server.call(CallSetup.to("311399").withScript("311-admin").withFrom(SUPERVISOR_PHONE)
                    .withCaller(CallerScript.keys("1001#", "4321#", "3#", "", "2")));
            assertThat(armed.prompts()).containsSubsequence("onecall/admin/done", "onecall/admin/announcement",
                    "onecall/admin/is-armed");
            assertThat(state(server, "water-main").orElseThrow().state()).isEqualTo(AnnouncementState.ARMED);
            assertThat(server.call("311", RESIDENT).prompts()).doesNotContain("onecall/metro-311/announce-water-main");

            server.call(admin(SUPERVISOR_PHONE, "1001#", "4321#", "3#", "", "3"));
            assertThat(state(server, "water-main").orElseThrow().state()).isEqualTo(AnnouncementState.OFF);
            assertThat(server.server.board().audit("metro-311", 10)).extracting(AuditEntry::to, AuditEntry::actor)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(AnnouncementState.OFF, "phone:1001"),
                            org.assertj.core.groups.Tuple.tuple(AnnouncementState.ARMED, "phone:1001"));
        }
    }

    @Test
    void wrongPin_isRefused_andAfterMaxTriesTheCallEnds_loggedWithIdAndCallerButNeverThePin() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            Transcript t = server.call(admin(SUPERVISOR_PHONE, "1001#", "97315#", "1001#", "86429#", "1001#", "75208#",
                    "1001#", "4321#"));

            assertThat(t.prompts()).containsExactly("onecall/admin/enter-id", "onecall/admin/enter-pin",
                    "onecall/admin/wrong", "onecall/admin/enter-id", "onecall/admin/enter-pin", "onecall/admin/wrong",
                    "onecall/admin/enter-id", "onecall/admin/enter-pin", "onecall/admin/locked");
            assertThat(t.outcome()).isEqualTo("server-hung-up");
            assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
            assertThat(server.server.board().audit("metro-311", 10)).isEmpty();

            assertThat(warnings()).filteredOn(w -> w.startsWith("wrong PIN")).hasSize(3)
                    .allMatch(w -> w.contains("administrator 1001") && w.contains("caller " + SUPERVISOR_PHONE));
            assertThat(warnings()).contains(
                    "locked the administrator id of administrator 1001 (Duty supervisor) from caller 2125550100 for"
                            + " 15m after 3 wrong tries within 15m",
                    "locked the caller number of administrator 1001 (Duty supervisor) from caller 2125550100 for"
                            + " 15m after 3 wrong tries within 15m");
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(m -> m.contains("97315") || m.contains("86429") || m.contains("75208")
                            || m.contains("4321"));
        }
    }

    @Test
    void unknownId_countsAsAWrongTry_andIsLoggedByItsLengthOnly() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            // The PIN keyed at the id prompt: it must not reach the log.
            Transcript t = server.call(admin(SUPERVISOR_PHONE, "4321#", "#", "1001#", "4321#"));

            assertThat(t.prompts()).containsSubsequence("onecall/admin/wrong", "onecall/admin/enter-id",
                    "onecall/admin/enter-pin", "onecall/admin/choose");
            assertThat(warnings()).containsExactly("wrong id for an unknown id of 4 digits from caller 2125550100"
                    + " (wrong try 1 of 3 on this call)");
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains("4321"));
        }
    }

    @Test
    void lockedId_isRefusedEvenWithTheRightPin_fromAnyPhone_untilTheLockoutPasses() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            server.call(admin(SUPERVISOR_PHONE, "1001#", "1111#", "1001#", "2222#", "1001#", "3333#"));

            Transcript refused = server.call(admin("2125550177", "1001#", "4321#", "2#", "", "1"));
            assertThat(refused.prompts()).containsExactly("onecall/admin/enter-id", "onecall/admin/enter-pin",
                    "onecall/admin/locked");
            assertThat(state(server, "snow")).isEmpty();
            assertThat(warnings()).contains("refused administrator 1001 (Duty supervisor) from caller 2125550177: the"
                    + " administrator id is locked until " + TestClock.ALL_OPEN.plus(Duration.ofMinutes(15)));

            server.clock.set(TestClock.ALL_OPEN.plus(Duration.ofMinutes(15)).minusSeconds(1));
            assertThat(server.call(admin("2125550177", "1001#", "4321#")).prompts()).endsWith("onecall/admin/locked");

            server.clock.set(TestClock.ALL_OPEN.plus(Duration.ofMinutes(15)));
            server.call(admin("2125550177", "1001#", "4321#", "2#", "", "1"));
            assertThat(state(server, "snow").orElseThrow().state()).isEqualTo(AnnouncementState.ACTIVE);
        }
    }

    @Test
    void wrongPinsOnManyLinesAtOnce_countOneByOne_soNoMoreThanMaxTriesAreChecked() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            List<Transcript> done = new ArrayList<>();
            try (ExecutorService lines = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Transcript>> calls = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    String phone = String.format("21255502%02d", i);
                    String guess = String.format("9%03d#", i);
                    calls.add(lines.submit(() -> server.call(admin(phone, "1001#", guess))));
                }
                for (Future<Transcript> call : calls) {
                    done.add(call.get(60, TimeUnit.SECONDS));
                }
            }

            // Max-tries is 3: the third wrong PIN locks the id, and the lines still waiting are
            // refused without their PIN being checked, however many try at once.
            assertThat(warnings().stream().filter(w -> w.startsWith("wrong PIN for administrator 1001"))).hasSize(3);
            assertThat(done.stream().filter(t -> t.prompts().contains("onecall/admin/wrong"))).hasSize(2);
            assertThat(done.stream().filter(t -> t.prompts().contains("onecall/admin/locked"))).hasSize(10);
            assertThat(server.call(admin("2125550177", "1001#", "4321#")).prompts()).endsWith("onecall/admin/locked");
        }
    }

    @Test
    void lockedCallerNumber_isRefusedForEveryId_whileOtherPhonesStillSignIn() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            // Three ids nobody has, from one phone: that phone is locked, not the real administrator.
            server.call(admin("2125550155", "7#", "1234#", "8#", "1234#", "9#", "1234#"));
            assertThat(warnings()).contains("locked the caller number of an unknown id of 1 digit from caller"
                    + " 2125550155 for 15m after 3 wrong tries within 15m");

            assertThat(server.call(admin("2125550155", "1001#", "4321#")).prompts())
                    .containsExactly("onecall/admin/enter-id", "onecall/admin/enter-pin", "onecall/admin/locked");
            assertThat(server.call(admin(SUPERVISOR_PHONE, "1001#", "4321#")).prompts())
                    .contains("onecall/admin/choose");
        }
    }

    @Test
    void twoServersOnOneDatabase_wrongPinsSpreadOverBoth_lockTheIdOnBoth() throws Exception {
        TestDatabase.truncate();
        try (TestServer a = TestServer.start(tmp.resolve("a"), TestDatabase.serverSettings(tmp.resolve("ja")));
             TestServer b = TestServer.start(tmp.resolve("b"), TestDatabase.serverSettings(tmp.resolve("jb")))) {
            // One wrong PIN per call, from three phones, over both servers: no server saw three.
            a.call(admin("2125550101", "1001#", "1111#"));
            b.call(admin("2125550102", "1001#", "2222#"));
            a.call(admin("2125550103", "1001#", "3333#"));
            assertThat(warnings()).contains("locked the administrator id of administrator 1001 (Duty supervisor)"
                    + " from caller 2125550103 for 15m after 3 wrong tries within 15m");

            for (TestServer server : List.of(a, b)) {
                assertThat(server.call(admin("2125550177", "1001#", "4321#", "2#", "", "1")).prompts())
                        .containsExactly("onecall/admin/enter-id", "onecall/admin/enter-pin", "onecall/admin/locked");
            }
            assertThat(a.server.board().current("metro-311")).doesNotContainKey("snow");

            a.clock.set(TestClock.ALL_OPEN.plus(Duration.ofMinutes(15)));
            b.clock.set(TestClock.ALL_OPEN.plus(Duration.ofMinutes(15)));
            assertThat(b.call(admin("2125550177", "1001#", "4321#")).prompts()).contains("onecall/admin/choose");
        } finally {
            TestDatabase.truncate();
        }
    }

    @Test
    void databaseAway_nobodySignsIn_theCallerHearsTheLockout_andOneWarningNamesTheCall() throws Exception {
        TestDatabase.truncate();
        try (TestServer server = TestServer.start(tmp, TestDatabase.serverSettings(tmp.resolve("j")))) {
            TestDatabase.embedded().stop();
            try {
                Transcript t = server.call(admin(SUPERVISOR_PHONE, "1001#", "4321#", "2#", "", "1")
                        .withUniqueId("1795550000.77"));

                assertThat(t.prompts()).containsExactly("onecall/admin/enter-id", "onecall/admin/enter-pin",
                        "onecall/admin/locked");
                assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
                List<ILoggingEvent> refused = logs.list.stream()
                        .filter(e -> e.getFormattedMessage().startsWith("refused the administrators' entry")).toList();
                assertThat(refused).hasSize(1);
                assertThat(refused.getFirst().getLevel()).isEqualTo(Level.WARN);
                assertThat(refused.getFirst().getFormattedMessage()).startsWith("refused the administrators' entry to"
                        + " caller 2125550100: wrong PINs cannot be counted (the wrong-PIN tallies of metro-311 are"
                        + " out of reach: ").endsWith("), so no PIN is tried");
                assertThat(refused.getFirst().getMDCPropertyMap()).containsEntry("call", "1795550000.77");
            } finally {
                TestDatabase.embedded().restart();
            }
            assertThat(server.call(admin(SUPERVISOR_PHONE, "1001#", "4321#")).prompts())
                    .as("the database is back").contains("onecall/admin/choose");
        }
    }

    @Test
    void newRecording_isPlayedBack_reRecorded_kept_andTheNextCallerHearsIt() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            String file = tmp.resolve("data/recordings/metro-311-snow-20261119-003000").toAbsolutePath().toString();

            // Announcement 2 (snow), 9: record; 2: again; 1: keep and switch on.
            Transcript t = server.call(admin(SUPERVISOR_PHONE, "1001#", "4321#", "2#", "", "9", "2", "1"));

            assertThat(t.prompts()).containsSubsequence("onecall/admin/actions",
                    "onecall/admin/record", "beep", "onecall/admin/you-recorded", file, "onecall/admin/keep",
                    "onecall/admin/record", "beep", "onecall/admin/you-recorded", file, "onecall/admin/keep",
                    "onecall/admin/done", "onecall/admin/announcement", "onecall/admin/is-on", "onecall/goodbye");
            assertThat(t.events()).filteredOn(Event.Recorded.class::isInstance).hasSize(2)
                    .allMatch(e -> ((Event.Recorded) e).file().equals(file));
            assertThat(t.wire()).contains(">> RECORD FILE \"" + file + "\" \"wav\" \"#\" 120000 0 BEEP s=5");
            assertThat(tmp.resolve("data/recordings")).isDirectory();

            Announcement snow = state(server, "snow").orElseThrow();
            assertThat(snow.state()).isEqualTo(AnnouncementState.ACTIVE);
            assertThat(snow.reason()).isEqualTo("by phone, new recording metro-311-snow-20261119-003000");

            // Callers hear the recording in place of the configured message, whatever their language.
            Transcript english = server.call("311", RESIDENT);
            assertThat(english.prompts()).contains(file).doesNotContain(SNOW);
            assertThat(server.call("311", CallerScript.keys("2", "", "", "1", "1")).prompts()).contains(file);

            // Switched off by phone, the recording is forgotten: switched on again, the configured message plays.
            server.call(admin(SUPERVISOR_PHONE, "1001#", "4321#", "2#", "", "3"));
            assertThat(server.call("311", RESIDENT).prompts()).doesNotContain(file, SNOW);
            server.call(admin(SUPERVISOR_PHONE, "1001#", "4321#", "2#", "", "1"));
            assertThat(server.call("311", RESIDENT).prompts()).contains(SNOW).doesNotContain(file);
        }
    }

    @Test
    void recordingNotKept_changesNothing() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            Transcript t = server.call(admin(SUPERVISOR_PHONE, "1001#", "4321#", "2#", "", "9", "*"));

            assertThat(t.events()).filteredOn(Event.Recorded.class::isInstance).hasSize(1);
            assertThat(state(server, "snow")).isEmpty();
            assertThat(server.call("311", RESIDENT).prompts()).doesNotContain(SNOW);
        }
    }

    @Test
    void recordingAsteriskCannotMake_isOwnedUpTo_andChangesNothing() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            // Without its beep file Asterisk fails RECORD FILE on a live channel: "200 result=-1 (randomerror)".
            Transcript t = server.call(CallSetup.to(ADMIN_LINE).withFrom(SUPERVISOR_PHONE)
                    .withCaller(CallerScript.keys("1001#", "4321#", "2#", "", "9").missing("beep")));

            assertThat(t.prompts()).containsSubsequence("onecall/admin/record", "onecall/admin/not-recorded",
                    "onecall/admin/announcement", "onecall/admin/choose", "onecall/goodbye");
            assertThat(t.prompts()).doesNotContain("onecall/admin/you-recorded");
            assertThat(t.outcome()).isEqualTo("server-hung-up");
            assertThat(state(server, "snow")).isEmpty();
            assertThat(warnings()).anyMatch(w -> w.startsWith("administrator 1001: recording for snow into ")
                    && w.endsWith("failed (randomerror): can Asterisk write there?"));
        }
    }

    @Test
    void gyeonggiEntry_speaksKorean_theCentersDefaultLanguage() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            // 1: flooding, on.
            Transcript t = server.call(CallSetup.to("0311200199").withFrom("0319031234")
                    .withCaller(CallerScript.keys("1001#", "4321#", "1#", "", "1")));

            assertThat(t.events()).contains(new Event.VariableSet("CHANNEL(language)", "ko"));
            assertThat(t.prompts()).contains("onecall/gyeonggi-120/announce-flooding", "onecall/admin/is-on");
            assertThat(server.server.board().current("gyeonggi-120").get("flooding").state())
                    .isEqualTo(AnnouncementState.ACTIVE);
        }
    }
}
