package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.QueueBehaviour;
import org.onecall.emulator.Route;
import org.onecall.emulator.Transcript;

/** The minimal flow of both shipped centers, end to end over a real FastAGI socket. */
class MinimalFlowTest {
    @TempDir
    static Path tmp;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(tmp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of("311", "1", "en", "metro-311-en"),
                Arguments.of("311", "2", "es", "metro-311-es"),
                Arguments.of("311", "3", "ko", "metro-311-ko"),
                Arguments.of("311", "4", "zh", "metro-311-zh"),
                Arguments.of("120", "1", "ko", "gyeonggi-120-ko"),
                Arguments.of("120", "2", "en", "gyeonggi-120-en"),
                Arguments.of("120", "3", "zh", "gyeonggi-120-zh"),
                Arguments.of("120", "4", "vi", "gyeonggi-120-vi"));
    }

    @ParameterizedTest(name = "dial {0}, press {1} -> {3}")
    @MethodSource("languages")
    void caller_choosingALanguage_reachesThatLanguagesQueue(String dialed, String key, String language, String queue)
            throws Exception {
        Transcript t = server.call(dialed, CallerScript.keys(key));

        String center = dialed.equals("311") ? "metro-311" : "gyeonggi-120";
        assertThat(t.prompts()).containsExactly("onecall/" + center + "/greeting", "onecall/" + center
                + "/choose-language", "onecall/connecting");
        assertThat(t.route()).contains(new Route(queue, language, null));
        assertThat(t.variables()).containsEntry("ONECALL_CENTER", center).containsEntry("ONECALL_LANG", language)
                .containsEntry("ONECALL_STATUS", "DONE").containsKey("ONECALL_CALL_ID");
        // Asterisk then plays every later prompt from sounds/<language>/.
        assertThat(t.wire()).contains(">> SET VARIABLE \"CHANNEL(language)\" \"" + language + "\"");
        assertThat(t.outcome()).isEqualTo("server-hung-up");
        assertThat(t.agiStatus()).isEqualTo("HANGUP");
    }

    @Test
    void callId_isAsterisksUniqueId() throws Exception {
        Transcript t = server.call(CallSetup.to("311").withUniqueId("1795542575.99").withCaller(CallerScript.keys("1")));
        assertThat(t.variables()).containsEntry("ONECALL_CALL_ID", "1795542575.99");
    }

    @Test
    void dialedNumber_selectsTheCenter_whenTheScriptDoesNot() throws Exception {
        Transcript t = server.call(CallSetup.to("0311200120").withScript("inbound").withCaller(CallerScript.keys("2")));
        assertThat(t.route()).contains(new Route("gyeonggi-120-en", "en", null));
    }

    @Test
    void silentCaller_hearsTheNoInputRetry_thenGoesOnInTheDefaultLanguage() throws Exception {
        Transcript t = server.call("120", CallerScript.silent());
        assertThat(t.prompts()).containsExactly("onecall/gyeonggi-120/greeting",
                "onecall/gyeonggi-120/choose-language",
                "onecall/no-input", "onecall/gyeonggi-120/choose-language",
                "onecall/no-input", "onecall/gyeonggi-120/choose-language",
                "onecall/connecting");
        assertThat(t.route()).contains(new Route("gyeonggi-120-ko", "ko", null));
    }

    @Test
    void wrongKey_hearsTheInvalidRetry_notTheNoInputOne() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("9", "2"));
        assertThat(t.prompts()).containsSubsequence("onecall/metro-311/choose-language", "onecall/invalid-choice",
                "onecall/metro-311/choose-language").doesNotContain("onecall/no-input");
        assertThat(t.route()).contains(new Route("metro-311-es", "es", null));
    }

    @Test
    void languageQueueTimesOut_callerGoesToTheFallbackQueue() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("3").queue(QueueBehaviour.TIMEOUT, QueueBehaviour.ANSWERED));
        assertThat(t.route()).contains(new Route("metro-311-general", "ko", null));
        assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
        assertThat(t.outcome()).isEqualTo("server-hung-up");
    }

    @Test
    void noQueueCanTakeTheCaller_hearsTheBusyMessage_andAGoodbye() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("1").queue(QueueBehaviour.JOINEMPTY, QueueBehaviour.FULL));
        assertThat(t.prompts()).endsWith("onecall/all-agents-busy");
        assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
        assertThat(t.outcome()).isEqualTo("server-hung-up");
    }

    @Test
    void missingGreetingSound_doesNotStopTheCall() throws Exception {
        Transcript t = server.call("311", CallerScript.keys("2").missing("onecall/metro-311/greeting"));
        assertThat(t.route()).contains(new Route("metro-311-es", "es", null));
        // The dialplan must not fall back after an agent answered, even though AGISTATUS is FAILURE.
        assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
    }

    @Test
    void numberNoCenterServes_isHandedBackToTheDialplan() throws Exception {
        Transcript t = server.call(CallSetup.to("5550000").withScript("nothing-here").withCaller(CallerScript.keys("1")));
        assertThat(t.variables()).containsEntry("ONECALL_STATUS", "NO_CENTER");
        assertThat(t.route()).isEmpty();
        assertThat(t.outcome()).isEqualTo("server-closed");
    }
}
