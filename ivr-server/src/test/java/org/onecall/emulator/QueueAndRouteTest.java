package org.onecall.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecall.emulator.Calls.answerTo;
import static org.onecall.emulator.Calls.place;
import static org.onecall.emulator.Calls.replyTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What EXEC Queue does for each scripted queue behaviour, and the route the transcript reports. */
class QueueAndRouteTest {

    @Test
    void answered_withoutContinue_returnsMinusOneLeavesQueueStatusAndTheChannelUp() throws Exception {
        Transcript t = place(CallerScript.silent(), "EXEC Queue general,,,,20", "GET VARIABLE QUEUESTATUS", "CHANNEL STATUS");

        assertThat(answerTo(t, "EXEC Queue general,,,,20")).containsExactly("200 result=-1");
        assertThat(replyTo(t, "GET VARIABLE QUEUESTATUS")).isEqualTo("200 result=0");
        assertThat(replyTo(t, "CHANNEL STATUS")).isEqualTo("200 result=6");
        assertThat(t.queueResults()).containsExactly(QueueBehaviour.ANSWERED);
        assertThat(t.agiStatus()).isEqualTo("SUCCESS");
    }

    @Test
    void answered_withContinueOption_returnsZeroAndQueueStatusContinue() throws Exception {
        Transcript t = place(CallerScript.silent(), "EXEC Queue roads,c,,,20", "GET VARIABLE QUEUESTATUS");

        assertThat(replyTo(t, "EXEC Queue roads,c,,,20")).isEqualTo("200 result=0");
        assertThat(replyTo(t, "GET VARIABLE QUEUESTATUS")).isEqualTo("200 result=1 (CONTINUE)");
    }

    @Test
    void notAnswered_returnsZeroWithTheStatusAndTheLastBehaviourRepeats() throws Exception {
        Transcript t = place(CallerScript.silent().queue(QueueBehaviour.JOINEMPTY, QueueBehaviour.TIMEOUT),
                "EXEC Queue a", "GET VARIABLE QUEUESTATUS", "EXEC Queue b", "EXEC Queue c", "GET VARIABLE QUEUESTATUS");

        assertThat(t.wire()).containsSubsequence(
                ">> EXEC Queue a", "<< 200 result=0", ">> GET VARIABLE QUEUESTATUS", "<< 200 result=1 (JOINEMPTY)",
                ">> EXEC Queue c", "<< 200 result=0", ">> GET VARIABLE QUEUESTATUS", "<< 200 result=1 (TIMEOUT)");
        assertThat(t.queueResults()).containsExactly(QueueBehaviour.JOINEMPTY, QueueBehaviour.TIMEOUT, QueueBehaviour.TIMEOUT);
    }

    @Test
    void answeredAfterATimeout_keepsThePreviousQueueStatus() throws Exception {
        Transcript t = place(CallerScript.silent().queue(QueueBehaviour.TIMEOUT, QueueBehaviour.ANSWERED),
                "EXEC Queue a,,,,3", "EXEC Queue a,,,,20", "GET VARIABLE QUEUESTATUS");

        assertThat(replyTo(t, "EXEC Queue a,,,,20")).isEqualTo("200 result=-1");
        assertThat(replyTo(t, "GET VARIABLE QUEUESTATUS")).isEqualTo("200 result=1 (TIMEOUT)");
    }

    @Test
    void callerHangsUpInTheQueue_returnsMinusOneThenHangup() throws Exception {
        Transcript t = place(CallerScript.silent().queue(QueueBehaviour.CALLER_HANGS_UP), "EXEC Queue roads,,,,20", "NOOP");

        assertThat(answerTo(t, "EXEC Queue roads,,,,20")).containsExactly("200 result=-1", "HANGUP");
        assertThat(t.outcome()).isEqualTo("caller-hung-up");
        assertThat(t.agiStatus()).isEqualTo("HANGUP");
    }

    @Test
    void queueMember_readsTheScriptedAgentsAndPausingTakesOneAway() throws Exception {
        Transcript t = place(CallerScript.silent().readyAgents(3).waitingCallers(2).readyAgents("empty", 0),
                "GET FULL VARIABLE ${QUEUE_MEMBER(roads,ready)}/${QUEUE_MEMBER(roads,logged)}",
                "GET FULL VARIABLE ${QUEUE_WAITING_COUNT(roads)}",
                "GET FULL VARIABLE ${QUEUE_MEMBER(empty,count)}",
                "EXEC PauseQueueMember roads,PJSIP/agent-1",
                "GET FULL VARIABLE ${QUEUE_MEMBER(roads,free)}",
                "GET VARIABLE PQMSTATUS");

        assertThat(replyTo(t, "GET FULL VARIABLE ${QUEUE_MEMBER(roads,ready)}/${QUEUE_MEMBER(roads,logged)}"))
                .isEqualTo("200 result=1 (3/3)");
        assertThat(replyTo(t, "GET FULL VARIABLE ${QUEUE_WAITING_COUNT(roads)}")).isEqualTo("200 result=1 (2)");
        assertThat(replyTo(t, "GET FULL VARIABLE ${QUEUE_MEMBER(empty,count)}")).isEqualTo("200 result=1 (0)");
        assertThat(replyTo(t, "GET FULL VARIABLE ${QUEUE_MEMBER(roads,free)}")).isEqualTo("200 result=1 (2)");
        assertThat(replyTo(t, "GET VARIABLE PQMSTATUS")).isEqualTo("200 result=1 (PAUSED)");
    }

    @Test
    void route_isTheLastQueueWithTheLanguageAndTopicSetBeforeIt() throws Exception {
        Transcript t = place(CallerScript.silent().queue(QueueBehaviour.TIMEOUT, QueueBehaviour.ANSWERED),
                "SET VARIABLE ONECALL_TOPIC potholes", "EXEC Queue roads-en,,,,5",
                "SET VARIABLE ONECALL_LANG es", "EXEC Queue roads-es,,,,5");

        assertThat(t.route()).contains(new Route("roads-es", "es", "potholes"));
    }

    @Test
    void route_withoutOnecallLanguage_isTheChannelLanguage() throws Exception {
        Transcript t = place(CallerScript.silent(), "SET VARIABLE CHANNEL(language) fr", "EXEC Queue general-fr");

        assertThat(t.route()).contains(new Route("general-fr", "fr", null));
    }

    @Test
    void noQueue_noRouteAndJsonRouteIsNull() throws Exception {
        Transcript t = place(CallerScript.keys("2"), "ANSWER", "GET DATA menu 3000 1", "HANGUP");

        JsonNode json = new ObjectMapper().readTree(t.toJson());
        assertThat(t.route()).isEmpty();
        assertThat(json.get("route").isNull()).isTrue();
        assertThat(json.get("inputs").get(0).asText()).isEqualTo("2");
        assertThat(json.get("outcome").asText()).isEqualTo("server-hung-up");
        assertThat(json.get("agiStatus").asText()).isEqualTo("HANGUP");
    }

    @Test
    void json_hasEveryFieldAndTopicNullWhenUnset() throws Exception {
        Transcript t = place(CallerScript.silent(), "SET VARIABLE ONECALL_LANG en", "EXEC Queue general");

        JsonNode json = new ObjectMapper().readTree(t.toJson());
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("prompts", "inputs", "route", "variables", "outcome", "agiStatus", "queueResults");
        assertThat(json.get("route").get("queue").asText()).isEqualTo("general");
        assertThat(json.get("route").get("language").asText()).isEqualTo("en");
        assertThat(json.get("route").get("topic").isNull()).isTrue();
        assertThat(json.get("variables").get("ONECALL_LANG").asText()).isEqualTo("en");
        assertThat(json.get("queueResults").get(0).asText()).isEqualTo("ANSWERED");
    }
}
