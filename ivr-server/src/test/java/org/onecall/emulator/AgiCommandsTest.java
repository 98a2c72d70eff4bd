package org.onecall.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecall.emulator.Calls.answerTo;
import static org.onecall.emulator.Calls.place;
import static org.onecall.emulator.Calls.replyTo;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Command-level answers outside the caller's steps: syntax errors, variables, caller id, database. */
class AgiCommandsTest {

    @Test
    void unknownCommand_isRefusedWith510() throws Exception {
        Transcript t = place(CallerScript.silent(), "FOO BAR", "STREAM", "");

        assertThat(replyTo(t, "FOO BAR")).isEqualTo("510 Invalid or unknown command");
        assertThat(replyTo(t, "STREAM")).isEqualTo("510 Invalid or unknown command");
        assertThat(replyTo(t, "")).isEqualTo("510 Invalid or unknown command");
    }

    @Test
    void knownCommandWithMissingArguments_getsTheUsageBlock() throws Exception {
        Transcript t = place(CallerScript.silent(), "STREAM FILE beep", "WAIT FOR DIGIT", "NOOP");

        assertThat(answerTo(t, "STREAM FILE beep")).first().isEqualTo("520-Invalid command syntax.  Proper usage follows:");
        assertThat(answerTo(t, "STREAM FILE beep")).last().isEqualTo("520 End of proper usage.");
        assertThat(answerTo(t, "WAIT FOR DIGIT")).contains("520 End of proper usage.");
        assertThat(replyTo(t, "NOOP")).isEqualTo("200 result=0");
    }

    @Test
    void commandEndingWithCarriageReturn_isUnknownLikeOnAsterisk() throws Exception {
        Transcript t = place(CallerScript.silent(), "ANSWER\r");

        assertThat(replyTo(t, "ANSWER\r")).isEqualTo("510 Invalid or unknown command");
        assertThat(t.events()).anyMatch(e -> e instanceof Event.Note);
    }

    @Test
    void commandWords_matchCaseInsensitively() throws Exception {
        Transcript t = place(CallerScript.keys("4"), "get data beep 1000 1");

        assertThat(replyTo(t, "get data beep 1000 1")).isEqualTo("200 result=4");
    }

    @Test
    void exec_unknownApplication_answersMinusTwo() throws Exception {
        Transcript t = place(CallerScript.silent(), "EXEC NoSuchApp foo", "EXEC Verbose \"1,quoted, with comma\"");

        assertThat(replyTo(t, "EXEC NoSuchApp foo")).isEqualTo("200 result=-2");
        assertThat(replyTo(t, "EXEC Verbose \"1,quoted, with comma\"")).isEqualTo("200 result=0");
        assertThat(t.agiStatus()).isEqualTo("SUCCESS");
    }

    @Test
    void setVariable_stripsQuotesAndGetVariableReadsIt() throws Exception {
        Transcript t = place(CallerScript.silent(),
                "GET VARIABLE CASE", "SET VARIABLE CASE \"case 42\"", "GET VARIABLE CASE", "EXEC Set OTHER=x y",
                "GET FULL VARIABLE \"${CASE}|${OTHER}|${NOPE}|${CASE:0:4}\"");

        assertThat(replyTo(t, "GET VARIABLE CASE")).isEqualTo("200 result=0");
        assertThat(t.wire()).containsSubsequence(">> GET VARIABLE CASE", "<< 200 result=1 (case 42)");
        assertThat(replyTo(t, "GET FULL VARIABLE \"${CASE}|${OTHER}|${NOPE}|${CASE:0:4}\""))
                .isEqualTo("200 result=1 (case 42|x||case)");
        assertThat(t.variables()).containsEntry("CASE", "case 42").containsEntry("OTHER", "x");
    }

    @Test
    void callerId_fromTheSetup_andTheSetCallerIdQuirk() throws Exception {
        CallSetup setup = CallSetup.to("311").withFrom("5551234").withCallerName("Test Caller");
        Transcript t = Calls.place(setup, "GET FULL VARIABLE ${CALLERID(all)}", "SET CALLERID \"Agi Set\" <999>",
                "GET VARIABLE CALLERID(all)", "GET VARIABLE CALLERID(num)");

        assertThat(replyTo(t, "GET FULL VARIABLE ${CALLERID(all)}")).isEqualTo("200 result=1 (\"Test Caller\" <5551234>)");
        assertThat(replyTo(t, "GET VARIABLE CALLERID(all)")).isEqualTo("200 result=1 (\"Agi Set\" <>)");
        assertThat(replyTo(t, "GET VARIABLE CALLERID(num)")).isEqualTo("200 result=1 ()");
    }

    @Test
    void database_putGetDel_sharedByCallsOfOneEmulator() throws Exception {
        Transcript t = place(CallerScript.silent(), "DATABASE PUT cases c1 open", "DATABASE GET cases c1",
                "DATABASE DEL cases c1", "DATABASE GET cases c1", "DATABASE DEL cases c1");

        assertThat(t.wire()).containsSubsequence(
                ">> DATABASE PUT cases c1 open", "<< 200 result=1",
                ">> DATABASE GET cases c1", "<< 200 result=1 (open)",
                ">> DATABASE DEL cases c1", "<< 200 result=1",
                ">> DATABASE GET cases c1", "<< 200 result=0",
                ">> DATABASE DEL cases c1", "<< 200 result=0");
    }

    @Test
    void args_quotedAndEscaped_splitLikeAsterisk() {
        assertThat(AgiArgs.parse("STREAM FILE hello \"\"")).containsExactly("STREAM", "FILE", "hello", "");
        assertThat(AgiArgs.parse("SET VARIABLE X \"a b\"")).containsExactly("SET", "VARIABLE", "X", "a b");
        assertThat(AgiArgs.parse("VERBOSE a\\ b\\\"c")).containsExactly("VERBOSE", "a b\"c");
        assertThat(AgiArgs.parse("  NOOP   ")).containsExactly("NOOP");
        assertThat(AgiArgs.parse("")).isEqualTo(List.of());
    }
}
