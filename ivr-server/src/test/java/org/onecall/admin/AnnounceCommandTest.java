package org.onecall.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecall.cli.Main;

import picocli.CommandLine;

/** ./onecall announce as an administrator runs it, against a running admin API. */
class AnnounceCommandTest {
    private static final String TOKEN_VARIABLE = "ONECALL_ADMIN_TOKEN";

    AdminFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new AdminFixture();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    record Run(int code, String out, String err) {
    }

    private Run announceAt(String server, String... args) {
        List<String> all = new ArrayList<>(List.of("announce"));
        all.addAll(List.of(args));
        all.addAll(List.of("--server", server));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private Run announce(String... args) {
        return announceAt(api.url(), args);
    }

    @Test
    void on_thenList_showsItActiveWithWhoWhyAndUntilWhen() {
        Run on = announce("on", "--center", "metro-311", "--id", "snow", "--reason", "Snow emergency",
                "--expires-in", "4h", "--token", AdminFixture.ALICE);
        assertThat(on.code()).as(on.err()).isZero();
        assertThat(on.out().strip()).isEqualTo("metro-311/snow is now ACTIVE until 2026-11-19T04:30:00Z"
                + " (admin:alice: Snow emergency)");

        Run list = announce("list", "--center", "metro-311", "--token", AdminFixture.VICTOR);
        assertThat(list.code()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("STATE").contains("EXPIRES").contains("BY")
                .contains("REASON");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("snow ").contains("ACTIVE")
                .contains("2026-11-19T04:30:00Z").contains("admin:alice").endsWith("Snow emergency"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("water-main").contains("off"));
        assertThat(lines).hasSize(4);
    }

    @Test
    void off_stopsItForTheNextCaller() {
        announce("on", "--center", "metro-311", "--id", "snow", "--reason", "snow", "--token", AdminFixture.ALICE);
        Run off = announce("off", "--center", "metro-311", "--id", "snow", "--token", AdminFixture.ALICE);
        assertThat(off.code()).isZero();
        assertThat(off.out()).contains("metro-311/snow is now off (admin:alice)");
        assertThat(api.board.current("metro-311").get("snow").playing(api.clock.instant())).isFalse();
    }

    @Test
    void arm_thenAudit_listsTheChangesNewestFirst() {
        announce("arm", "--center", "metro-311", "--id", "water-main", "--reason", "pressure dropping", "--token",
                AdminFixture.ALICE);
        announce("on", "--center", "metro-311", "--id", "water-main", "--reason", "main broke", "--token",
                AdminFixture.ALICE);
        Run audit = announce("audit", "--center", "metro-311", "--token", AdminFixture.VICTOR);
        assertThat(audit.code()).isZero();
        List<String> lines = audit.out().lines().toList();
        assertThat(lines.get(0)).startsWith("AT").contains("CHANGE");
        assertThat(lines.get(1)).contains("water-main").contains("armed -> active").contains("main broke");
        assertThat(lines.get(2)).contains("off -> armed").contains("pressure dropping");
    }

    @Test
    void json_printsTheApisAnswer() throws Exception {
        Run list = announce("list", "--center", "metro-311", "--json", "--token", AdminFixture.VICTOR);
        JsonNode json = new ObjectMapper().readTree(list.out());
        assertThat(json.path("announcements")).hasSize(3);
    }

    @Test
    void wrongToken_exits3_sayingTheServerRefusedIt() {
        Run r = announce("list", "--center", "metro-311", "--token", "onecall_nobody-has-this");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).startsWith("the server refused the token");
    }

    @Test
    void viewToken_switching_exits3_notAllowed() {
        Run r = announce("on", "--center", "metro-311", "--id", "snow", "--reason", "x", "--token", AdminFixture.VICTOR);
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).startsWith("not allowed: victor's token may view but not switch");
        assertThat(api.board.current("metro-311")).isEmpty();
    }

    @Test
    void noToken_exits3_sayingWhereOneGoes() {
        assumeTrue(System.getenv(TOKEN_VARIABLE) == null, "this shell sets " + TOKEN_VARIABLE);
        Run r = announce("list", "--center", "metro-311");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("--token").contains(TOKEN_VARIABLE);
    }

    @Test
    void unknownCenterOrAnnouncement_exits4() {
        Run center = announce("list", "--center", "atlantis-311", "--token", AdminFixture.VICTOR);
        assertThat(center.code()).isEqualTo(4);
        assertThat(center.err()).contains("no center 'atlantis-311'");
        Run id = announce("on", "--center", "metro-311", "--id", "tornado", "--reason", "x", "--token",
                AdminFixture.ALICE);
        assertThat(id.code()).isEqualTo(4);
        assertThat(id.err()).contains("metro-311 has no announcement 'tornado'");
    }

    @Test
    void onWithoutReason_exits1_namingTheOption() {
        Run r = announce("on", "--center", "metro-311", "--id", "snow", "--token", AdminFixture.ALICE);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("the server refused: reason: required").contains("(--reason)");
        Run bad = announce("on", "--center", "metro-311", "--id", "snow", "--reason", "x", "--expires-in", "soon",
                "--token", AdminFixture.ALICE);
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("(--expires-in)");
    }

    @Test
    void switchWithoutId_isABadOption_exits2() {
        Run r = announce("on", "--center", "metro-311", "--reason", "x", "--token", AdminFixture.ALICE);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("needs --id");
    }

    @Test
    void noServer_exits5_sayingNoneAnswers() throws Exception {
        String gone;
        try (AdminFixture brief = new AdminFixture()) {
            gone = brief.url();
        }
        Run r = announceAt(gone, "list", "--center", "metro-311", "--token", AdminFixture.VICTOR);
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.err()).startsWith("no OneCall admin API answers at " + gone);
    }

    @Test
    void boardAway_exits5_sayingTheChangeWasNotMade() throws Exception {
        try (AdminFixture away = new AdminFixture(new AwayBoard())) {
            Run r = announceAt(away.url(), "on", "--center", "metro-311", "--id", "snow", "--reason", "snow", "--token",
                    AdminFixture.ALICE);
            assertThat(r.code()).isEqualTo(5);
            assertThat(r.err()).startsWith("the change was not made");
        }
    }
}
