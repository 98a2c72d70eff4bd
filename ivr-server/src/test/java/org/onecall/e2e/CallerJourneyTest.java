package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.TestClock;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.QueueBehaviour;
import org.onecall.emulator.Route;
import org.onecall.emulator.Transcript;

/** Journeys a resident would take, end to end over a real FastAGI socket, at a fixed time. */
class CallerJourneyTest {
    @TempDir
    static Path tmp;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(tmp);
    }

    @AfterEach
    void allDesksOpen() {
        server.clock.set(TestClock.ALL_OPEN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String queueCommand(Transcript t) {
        return t.wire().stream().filter(l -> l.startsWith(">> EXEC \"Queue\"")).reduce((a, b) -> b).orElse("");
    }

    @Test
    void spanishCaller_aboutAMissedPickup_reachesSanitation_andTheAgentKnowsTheCall() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("2", "1", "1"));

        assertThat(t.prompts()).containsExactly("onecall/metro-311/greeting", "onecall/metro-311/choose-language",
                "onecall/metro-311/main-menu", "onecall/metro-311/trash-menu", "onecall/connecting",
                "onecall/survey", "onecall/survey-thanks");
        assertThat(t.route()).contains(new Route("metro-311-sanitation", "es", "missed-pickup"));
        assertThat(t.variables())
                .containsEntry("ONECALL_CENTER", "metro-311")
                .containsEntry("ONECALL_LANG", "es")
                .containsEntry("ONECALL_TOPIC", "missed-pickup")
                .containsEntry("ONECALL_CITY", "")
                .containsEntry("ONECALL_INTERPRETER", "no")
                .containsEntry("ONECALL_PATH", "menu:language>language:es>menu:main>menu:trash>topic:missed-pickup")
                .containsEntry("ONECALL_WHISPER", "onecall/language/es&onecall/topic/missed-pickup")
                .containsEntry("ONECALL_STATUS", "DONE")
                .containsKey("ONECALL_CALL_ID");
        // The whisper is played on the agent's channel by the dialplan's [onecall-whisper] gosub.
        assertThat(queueCommand(t)).isEqualTo(">> EXEC \"Queue\" \"metro-311-sanitation,,,,300,,onecall-whisper\"");
        assertThat(t.outcome()).isEqualTo("server-hung-up");
    }

    @Test
    void callerWhoStaysOnAfterTheAgent_ratesTheCall() throws Exception {
        // 6 is information, where 5 is not a choice; the caller presses 0 for a person, then rates 4.
        Transcript t = server.call("311", CallerScript.keys("1", "6", "5", "0", "4"));
        assertThat(t.variables()).containsEntry("ONECALL_SURVEY", "4");
        assertThat(t.prompts()).endsWith("onecall/survey", "onecall/survey-thanks");
    }

    @Test
    void koreanCaller_aboutAPothole_goesToTheGeneralDesk_whereKoreanIsSpoken() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("3", "2", "1"));
        assertThat(t.route()).contains(new Route("metro-311-general", "ko", "pothole"));
        assertThat(t.variables()).containsEntry("ONECALL_INTERPRETER", "no");
    }

    @Test
    void anotherLanguage_reachesTheInterpreterPath_flaggedForTheAgent() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("8"));
        assertThat(t.route().map(Route::queue)).contains("metro-311-interpreter");
        assertThat(t.variables()).containsEntry("ONECALL_INTERPRETER", "yes")
                .containsEntry("ONECALL_WHISPER", "onecall/language/other&onecall/whisper/interpreter");
    }

    @Test
    void languageLine_skipsTheLanguageMenu() throws Exception {
        Transcript t = server.call("2125550312", CallerScript.keys("5", "1"));
        assertThat(t.prompts()).startsWith("onecall/metro-311/greeting", "onecall/metro-311/main-menu",
                "onecall/metro-311/water-menu");
        assertThat(t.route()).contains(new Route("metro-311-water", "es", "water-main"));
    }

    @Test
    void nineOneOneOverflow_getsQueuePriority_andTheAgentHearsIt() throws Exception {
        Transcript t = server.call(CallSetup.to("311911").withScript("311-911").withCaller(CallerScript.keys("1", "5", "1")));
        assertThat(t.variables()).containsEntry("QUEUE_PRIO", "10")
                .containsEntry("ONECALL_WHISPER", "onecall/whisper/priority&onecall/language/en&onecall/topic/water-main");
        assertThat(t.route()).contains(new Route("metro-311-water", "en", "water-main"));
        assertThat(t.prompts()).as("not told to hang up and dial 911: 911 sent them")
                .startsWith("onecall/metro-311/greeting-from-911").doesNotContain("onecall/metro-311/greeting");
        Transcript plain = server.call("311", CallerScript.keys("1", "5", "1"));
        assertThat(plain.prompts()).startsWith("onecall/metro-311/greeting");
    }

    @Test
    void emergencyKey_handsTheCallerToTheDialplanFor911_withoutHangingUp() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("1", "9"));
        assertThat(t.prompts()).endsWith("onecall/transferring-911");
        assertThat(t.variables()).containsEntry("ONECALL_STATUS", "EMERGENCY");
        assertThat(t.wire()).doesNotContain(">> HANGUP");
        assertThat(t.route()).isEmpty();
    }

    @Test
    void starRepeatsTheMenu_andZeroReachesAPerson() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("1", "*", "0"));
        assertThat(t.prompts()).containsSubsequence("onecall/metro-311/main-menu", "onecall/metro-311/main-menu",
                "onecall/connecting");
        assertThat(t.route()).contains(new Route("metro-311-general", "en", "general"));
    }

    @Test
    void wrongKeysAndSilence_getTheirOwnNotices_thenAPerson() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("1", "8", ""));
        assertThat(t.prompts()).containsSubsequence("onecall/metro-311/main-menu", "onecall/invalid-choice",
                "onecall/metro-311/main-menu", "onecall/no-input", "onecall/metro-311/main-menu", "onecall/connecting");
        assertThat(t.route()).contains(new Route("metro-311-general", "en", "general"));
    }

    @Test
    void informationIsReadOut_andTheCallerReturnsToTheMenu() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("1", "6", "3", "0"));
        assertThat(t.prompts()).containsSubsequence("onecall/metro-311/information-menu",
                "onecall/metro-311/phone-numbers", "onecall/metro-311/information-menu");
        assertThat(t.wire()).contains(">> SAY DIGITS \"2125550100\" \"\"");
    }

    @Test
    void serviceRequestNumber_reachesTheAgentAsEntered() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("1", "7", "12345678"));
        assertThat(t.variables()).containsEntry("ONECALL_ENTERED", "12345678").containsEntry("ONECALL_TOPIC", "request-status");
        assertThat(t.route().map(Route::queue)).contains("metro-311-general");
    }

    @Test
    void noAgentReadyAtTheDesk_overflowsToTheGeneralDesk() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("1", "3", "1").readyAgents("metro-311-parking", 0));
        assertThat(t.route()).contains(new Route("metro-311-general", "en", "broken-meter"));
    }

    @Test
    void deskTimesOut_callerGoesToTheNextDesk_notToAHangup() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("1", "2", "2").queue(QueueBehaviour.TIMEOUT, QueueBehaviour.ANSWERED));
        assertThat(t.wire()).filteredOn(l -> l.startsWith(">> EXEC \"Queue\"")).hasSize(2);
        assertThat(t.route()).contains(new Route("metro-311-general", "en", "streetlight"));
        assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
    }

    @Test
    void everyDeskUnavailable_callerHearsTheBusyMessage_thenSelfService_notAHangup() throws Exception {
        // English, streets, streetlight; every desk empty; then 1 in self-service: the hours.
        Transcript t = server.call("311", CallerScript.keys("1", "2", "2", "1").queue(QueueBehaviour.JOINEMPTY));
        assertThat(queuesEntered(t)).containsExactly("metro-311-streets", "metro-311-general");
        assertThat(t.prompts()).containsSubsequence("onecall/all-agents-busy", "onecall/metro-311/self-service-menu",
                "onecall/metro-311/hours");
        assertThat(t.prompts().getLast()).isEqualTo("onecall/goodbye");
        assertThat(t.outcome()).isEqualTo("server-hung-up");
    }

    private static List<String> queuesEntered(Transcript t) {
        return EveryLeafTest.queuesEntered(t);
    }

    @Test
    void afterHours_callerHearsTheHoursAndSelfService_neverAClosedQueue() throws Exception {
        server.clock.set(Instant.parse("2026-11-23T04:00:00Z")); // Sunday 23:00 in New York
        Transcript t = server.call("311", CallerScript.keys("1", "1", "1", "1"));
        assertThat(t.prompts()).containsSubsequence("onecall/metro-311/trash-menu", "onecall/metro-311/closed",
                "onecall/metro-311/self-service-menu", "onecall/metro-311/hours");
        assertThat(t.prompts()).endsWith("onecall/goodbye");
        assertThat(t.wire()).noneMatch(l -> l.startsWith(">> EXEC \"Queue\""));
        assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
    }

    @Test
    void onThanksgiving_theOfficeDesksAreClosed_butTheWaterDeskAnswers() throws Exception {
        server.clock.set(Instant.parse("2026-11-26T15:00:00Z")); // Thursday 10:00, Thanksgiving
        assertThat(server.call("311", CallerScript.keys("1", "5", "1")).route())
                .contains(new Route("metro-311-water", "en", "water-main"));
        assertThat(server.call("311", CallerScript.keys("1", "1", "1")).prompts()).contains("onecall/metro-311/closed");
    }

    @Test
    void gyeonggiCaller_placedInGoyangByNumber_isNotAskedForTheCity() throws Exception {
        Transcript t = server.call(CallSetup.to("120").withFrom("0319031234").withCaller(CallerScript.keys("1", "3")));
        assertThat(t.prompts()).doesNotContain("onecall/gyeonggi-120/city-menu");
        assertThat(t.route()).contains(new Route("gyeonggi-120-goyang", "ko", "parking"));
        assertThat(t.variables()).containsEntry("ONECALL_CITY", "goyang");
    }

    @Test
    void smallCity_withoutADesk_isAnsweredByTheProvince() throws Exception {
        Transcript t = server.call("120", CallerScript.keys("2", "7", "1", "1"));
        assertThat(t.prompts()).contains("onecall/gyeonggi-120/city-menu");
        assertThat(t.route()).contains(new Route("gyeonggi-120-province", "en", "trash"));
        assertThat(t.variables()).containsEntry("ONECALL_CITY", "dongducheon");
    }

    @Test
    void cityDeskClosedAtNight_theProvinceAnswersAroundTheClock() throws Exception {
        server.clock.set(Instant.parse("2026-11-18T14:00:00Z")); // Wednesday 23:00 in Seoul
        Transcript t = server.call("120", CallerScript.keys("1", "2", "4"));
        assertThat(t.route()).contains(new Route("gyeonggi-120-province", "ko", "noise"));
    }

    @Test
    void callId_isAsterisksUniqueId() throws Exception {
        Transcript t = server.call(CallSetup.to("311").withUniqueId("1795542575.99").withCaller(CallerScript.keys("1", "0")));
        assertThat(t.variables()).containsEntry("ONECALL_CALL_ID", "1795542575.99");
    }

    @Test
    void numberNoCenterServes_isHandedBackToTheDialplan() throws Exception {
        Transcript t = server.call(CallSetup.to("5550000").withScript("nothing-here").withCaller(CallerScript.keys("1")));
        assertThat(t.variables()).containsEntry("ONECALL_STATUS", "NO_CENTER");
        assertThat(t.route()).isEmpty();
        assertThat(t.outcome()).isEqualTo("server-closed");
    }

    @Test
    void missingGreetingSound_doesNotStopTheCall() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("2", "0").missing("onecall/metro-311/greeting"));
        assertThat(t.route().map(Route::queue)).contains("metro-311-general");
        // The dialplan must not fall back after an agent answered, even though AGISTATUS is FAILURE.
        assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
    }
}
