package org.onecall.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecall.emulator.Calls.answerTo;
import static org.onecall.emulator.Calls.place;
import static org.onecall.emulator.Calls.replyTo;

import org.junit.jupiter.api.Test;

/** What a scripted caller does to the server's commands: keys, silence, missing prompts, hang-ups. */
class CallerBehaviourTest {

    @Test
    void getData_keysEndingWithHash_serverGetsTheDigitsWithoutHash() throws Exception {
        Transcript t = place(CallerScript.keys("42#"), "ANSWER", "GET DATA beep 5000 3");

        assertThat(replyTo(t, "GET DATA beep 5000 3")).isEqualTo("200 result=42");
        assertThat(t.inputs()).containsExactly("42");
        assertThat(t.prompts()).containsExactly("beep");
    }

    @Test
    void getData_fewerDigitsThanMaxAndNoHash_endsByTheTimeout() throws Exception {
        Transcript t = place(CallerScript.keys("7"), "GET DATA beep 3000 3");

        assertThat(replyTo(t, "GET DATA beep 3000 3")).isEqualTo("200 result=7 (timeout)");
    }

    @Test
    void getData_exactlyMaxDigits_endsWithoutTimeoutAndDropsTheRest() throws Exception {
        Transcript t = place(CallerScript.keys("1234"), "GET DATA beep 3000 3");

        assertThat(replyTo(t, "GET DATA beep 3000 3")).isEqualTo("200 result=123");
    }

    @Test
    void getData_silentCaller_timesOutWithNoDigits() throws Exception {
        Transcript t = place(CallerScript.silent(), "GET DATA beep 3000 3");

        assertThat(replyTo(t, "GET DATA beep 3000 3")).isEqualTo("200 result= (timeout)");
        assertThat(t.inputs()).containsExactly("");
    }

    @Test
    void getData_onlyHash_returnsEmptyWithoutTimeout() throws Exception {
        Transcript t = place(CallerScript.keys("#"), "GET DATA beep 3000 3");

        assertThat(replyTo(t, "GET DATA beep 3000 3")).isEqualTo("200 result=");
    }

    @Test
    void streamFile_keyAmongEscapeDigits_interruptsWithItsAsciiCode() throws Exception {
        Transcript t = place(CallerScript.keys("1"), "STREAM FILE menu \"0123456789#*\"");

        assertThat(replyTo(t, "STREAM FILE menu \"0123456789#*\"")).isEqualTo("200 result=49 endpos=8000");
        assertThat(t.inputs()).containsExactly("1");
        assertThat(t.variables()).containsEntry("PLAYBACKSTATUS", "FAILED");
    }

    @Test
    void streamFile_keyNotAmongEscapeDigits_playsToTheEnd() throws Exception {
        Transcript t = place(CallerScript.keys("5"), "STREAM FILE menu \"12\"");

        assertThat(replyTo(t, "STREAM FILE menu \"12\"")).isEqualTo("200 result=0 endpos=16000");
        assertThat(t.inputs()).containsExactly("");
    }

    @Test
    void streamFile_withoutEscapeDigits_leavesTheKeyForTheNextPrompt() throws Exception {
        Transcript t = place(CallerScript.keys("5"), "STREAM FILE welcome \"\"", "WAIT FOR DIGIT 3000");

        assertThat(replyTo(t, "STREAM FILE welcome \"\"")).isEqualTo("200 result=0 endpos=16000");
        assertThat(replyTo(t, "WAIT FOR DIGIT 3000")).isEqualTo("200 result=53");
    }

    @Test
    void keys_emptyEntryAndRunningOut_pressNothing() throws Exception {
        Transcript t = place(CallerScript.keys("", "2"),
                "WAIT FOR DIGIT 1000", "GET OPTION menu \"123\" 1000", "GET OPTION menu \"123\" 1000");

        assertThat(t.wire()).containsSubsequence(
                ">> WAIT FOR DIGIT 1000", "<< 200 result=0",
                ">> GET OPTION menu \"123\" 1000", "<< 200 result=50 endpos=8000",
                ">> GET OPTION menu \"123\" 1000", "<< 200 result=0 endpos=16000");
        assertThat(t.inputs()).containsExactly("", "2", "");
    }

    @Test
    void getData_missingPrompt_answersMinusOneKeepsTheKeyAndTheChannelUp() throws Exception {
        Transcript t = place(CallerScript.keys("3").missing("gone"),
                "GET DATA gone 2000 1", "GET DATA beep 2000 1", "CHANNEL STATUS");

        assertThat(answerTo(t, "GET DATA gone 2000 1")).containsExactly("200 result=-1");
        assertThat(replyTo(t, "GET DATA beep 2000 1")).isEqualTo("200 result=3");
        assertThat(replyTo(t, "CHANNEL STATUS")).isEqualTo("200 result=6");
        assertThat(t.prompts()).containsExactly("beep");
        assertThat(t.events()).contains(new Event.MissingPrompt(1, "gone"));
        // handle_getdata returns RESULT_SUCCESS even then: only STREAM FILE/GET OPTION fail the script.
        assertThat(t.agiStatus()).isEqualTo("SUCCESS");
        assertThat(t.outcome()).isEqualTo("server-closed");
    }

    @Test
    void streamFile_missingPrompt_failsAndMakesAgiStatusFailure() throws Exception {
        Transcript t = place(CallerScript.silent().missing("gone"), "STREAM FILE gone \"1\"", "GET OPTION gone \"1\"");

        assertThat(replyTo(t, "STREAM FILE gone \"1\"")).isEqualTo("200 result=-1 endpos=0");
        assertThat(replyTo(t, "GET OPTION gone \"1\"")).isEqualTo("200 result=-1 endpos=0");
        assertThat(t.agiStatus()).isEqualTo("FAILURE");
    }

    @Test
    void failedPromptThenServerHangup_agiStatusStaysFailure() throws Exception {
        // run_agi only turns SUCCESS into HANGUP; a FAILURE from earlier is what the dialplan sees.
        Transcript t = place(CallerScript.silent().missing("gone"), "STREAM FILE gone \"\"", "HANGUP");

        assertThat(t.agiStatus()).isEqualTo("FAILURE");
        assertThat(t.outcome()).isEqualTo("server-hung-up");
    }

    @Test
    void streamFile_ampersandList_isOneMissingFileLikeOnAsterisk() throws Exception {
        Transcript t = place(CallerScript.silent(), "STREAM FILE welcome&menu \"\"", "EXEC Playback welcome&menu");

        assertThat(replyTo(t, "STREAM FILE welcome&menu \"\"")).isEqualTo("200 result=-1 endpos=0");
        assertThat(replyTo(t, "EXEC Playback welcome&menu")).isEqualTo("200 result=0");
        assertThat(t.prompts()).containsExactly("welcome", "menu");
    }

    @Test
    void hangupDuring_streamFile_cutsItShortAndAnnouncesTheHangupAtOnce() throws Exception {
        Transcript t = place(CallerScript.silent().hangupDuring(2),
                "ANSWER", "STREAM FILE welcome \"\"", "STREAM FILE menu \"\"", "GET VARIABLE CHANNEL(state)",
                "STREAM FILE bye \"\"", "EXEC Playback bye", "VERBOSE \"still here\" 1", "GET DATA beep 1000 1");

        assertThat(answerTo(t, "STREAM FILE menu \"\"")).containsExactly("200 result=-1 endpos=8000", "HANGUP");
        assertThat(replyTo(t, "GET VARIABLE CHANNEL(state)")).isEqualTo("200 result=1 (Up)");
        assertThat(replyTo(t, "STREAM FILE bye \"\""))
                .isEqualTo("511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(replyTo(t, "EXEC Playback bye")).isEqualTo("200 result=0");
        assertThat(replyTo(t, "VERBOSE \"still here\" 1")).isEqualTo("200 result=1");
        assertThat(replyTo(t, "GET DATA beep 1000 1"))
                .isEqualTo("511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(t.prompts()).containsExactly("welcome", "menu");
        assertThat(t.outcome()).isEqualTo("caller-hung-up");
        assertThat(t.agiStatus()).isEqualTo("HANGUP");
    }

    @Test
    void hangupDuring_getData_answersMinusOneThenHangup() throws Exception {
        Transcript t = place(CallerScript.keys("9").hangupDuring(1), "GET DATA beep 5000 4", "WAIT FOR DIGIT 100");

        assertThat(answerTo(t, "GET DATA beep 5000 4")).containsExactly("200 result=-1", "HANGUP");
        assertThat(replyTo(t, "WAIT FOR DIGIT 100"))
                .isEqualTo("511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(t.inputs()).isEmpty();
    }

    @Test
    void hangupAfter_step_completesItThenHangsUpWhileTheServerIsIdle() throws Exception {
        Transcript t = place(CallerScript.keys("1").hangupAfter(1), "ANSWER", "GET DATA beep 5000 1", "NOOP");

        assertThat(answerTo(t, "GET DATA beep 5000 1")).containsExactly("200 result=1", "HANGUP");
        assertThat(replyTo(t, "NOOP")).isEqualTo("200 result=0");
        assertThat(t.outcome()).isEqualTo("caller-hung-up");
        assertThat(t.agiStatus()).isEqualTo("HANGUP");
    }

    @Test
    void hangupAfterZero_hangsUpRightAfterTheFirstCommand() throws Exception {
        Transcript t = place(CallerScript.silent().hangupAfter(0), "ANSWER", "STREAM FILE welcome \"\"");

        assertThat(answerTo(t, "ANSWER")).containsExactly("200 result=0", "HANGUP");
        assertThat(replyTo(t, "STREAM FILE welcome \"\""))
                .isEqualTo("511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(t.prompts()).isEmpty();
    }

    @Test
    void nonMediaCommands_areNotSteps() throws Exception {
        Transcript t = place(CallerScript.silent().hangupDuring(1),
                "ANSWER", "SET VARIABLE X 1", "GET VARIABLE X", "VERBOSE hi", "CHANNEL STATUS", "EXEC Wait 1",
                "STREAM FILE welcome \"\"");

        // The last command: its answer, then the HANGUP sent when the server closes.
        assertThat(answerTo(t, "STREAM FILE welcome \"\"")).containsExactly("200 result=-1 endpos=8000", "HANGUP", "HANGUP");
    }

    @Test
    void serverHangup_answersOneThenHangupAndOneMoreWhenItCloses() throws Exception {
        Transcript t = place(CallerScript.silent(), "ANSWER", "HANGUP", "GET VARIABLE QUEUESTATUS");

        assertThat(answerTo(t, "HANGUP")).containsExactly("200 result=1", "HANGUP");
        assertThat(Calls.sentAtTheEnd(t)).containsExactly("200 result=0", "HANGUP");
        assertThat(t.outcome()).isEqualTo("server-hung-up");
        assertThat(t.agiStatus()).isEqualTo("HANGUP");
    }

    @Test
    void serverCloses_withoutHangup_isServerClosedAndSuccess() throws Exception {
        Transcript t = place(CallerScript.silent(), "ANSWER", "STREAM FILE welcome \"\"");

        assertThat(Calls.sentAtTheEnd(t)).containsExactly("200 result=0 endpos=16000", "HANGUP");
        assertThat(t.outcome()).isEqualTo("server-closed");
        assertThat(t.agiStatus()).isEqualTo("SUCCESS");
    }

    @Test
    void promptLength_setInTheScript_isTheEndpos() throws Exception {
        Transcript t = place(CallerScript.silent().promptLength("hello-world", 11_234), "STREAM FILE hello-world \"\"");

        assertThat(replyTo(t, "STREAM FILE hello-world \"\"")).isEqualTo("200 result=0 endpos=11234");
    }

    @Test
    void recordFile_thenPlayedBack_reportsTheRecordedLength() throws Exception {
        Transcript t = place(CallerScript.silent(), "RECORD FILE /tmp/msg wav \"#\" 10000 0 s=2", "STREAM FILE /tmp/msg \"\"");

        String recorded = replyTo(t, "RECORD FILE /tmp/msg wav \"#\" 10000 0 s=2");
        assertThat(recorded).matches("200 result=\\d+ \\(timeout\\) endpos=\\d+");
        String length = recorded.substring(recorded.indexOf("endpos="));
        assertThat(replyTo(t, "STREAM FILE /tmp/msg \"\"")).isEqualTo("200 result=0 " + length);
    }
}
