package org.onecall.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecall.TestClock;
import org.onecall.admin.AdminFixture.Answer;
import org.onecall.broadcast.Announcement;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

/** The admin API as an administrator's tool sees it: real HTTP over loopback, a real board. */
class AdminApiTest {
    private static final String SNOW = "/api/centers/metro-311/announcements/snow";
    private static final String LIST = "/api/centers/metro-311/announcements";

    AdminFixture api;
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws Exception {
        logs.start();
        root.addAppender(logs);
        api = new AdminFixture();
    }

    @AfterEach
    void stop() {
        api.close();
        root.detachAppender(logs);
    }

    private static JsonNode announcement(Answer list, String id) {
        for (JsonNode a : list.json().path("announcements")) {
            if (a.path("id").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError(id + " not in " + list.json());
    }

    @Test
    void health_withoutToken_answersOkAndTheVersion() throws Exception {
        Answer a = api.get("/api/health", null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("status").asText()).isEqualTo("ok");
        assertThat(a.json().path("version").asText()).isNotBlank();
        assertThat(a.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void list_beforeAnyChange_showsEveryAnnouncementOfTheCenterOff() throws Exception {
        Answer a = api.get(LIST, AdminFixture.VICTOR);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("center").asText()).isEqualTo("metro-311");
        assertThat(a.json().path("announcements")).extracting(n -> n.path("id").asText())
                .containsExactly("snow", "water-main", "high-volume");
        JsonNode snow = announcement(a, "snow");
        assertThat(snow.path("state").asText()).isEqualTo("off");
        assertThat(snow.path("playing").asBoolean()).isFalse();
        assertThat(snow.path("topic").asText()).isEqualTo("snow");
        assertThat(snow.path("changedBy").isNull()).isTrue();
        assertThat(announcement(a, "high-volume").path("topic").isNull()).isTrue();
    }

    @Test
    void activate_withReasonAndExpiresIn_isOnTheBoardAndInTheNextList() throws Exception {
        Answer on = api.post(SNOW + "/activate", AdminFixture.ALICE,
                "{\"reason\": \"Snow emergency: trash pickup suspended\", \"expiresIn\": \"4h\"}");
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().path("state").asText()).isEqualTo("active");
        assertThat(on.json().path("playing").asBoolean()).isTrue();
        Instant until = TestClock.ALL_OPEN.plus(Duration.ofHours(4));
        assertThat(on.json().path("expires").asText()).isEqualTo(until.toString());

        // The board is the single truth: the next caller's lookup sees it with no delay.
        Announcement onBoard = api.board.current("metro-311").get("snow");
        assertThat(onBoard.playing(api.clock.instant())).isTrue();
        assertThat(onBoard.changedBy()).isEqualTo("admin:alice");

        JsonNode snow = announcement(api.get(LIST, AdminFixture.VICTOR), "snow");
        assertThat(snow.path("state").asText()).isEqualTo("active");
        assertThat(snow.path("changedBy").asText()).isEqualTo("admin:alice");
        assertThat(snow.path("changedAt").asText()).isEqualTo(TestClock.ALL_OPEN.toString());
        assertThat(snow.path("reason").asText()).isEqualTo("Snow emergency: trash pickup suspended");
        assertThat(snow.path("expires").asText()).isEqualTo(until.toString());
        assertThat(announcement(api.get(LIST, AdminFixture.VICTOR), "water-main").path("state").asText())
                .isEqualTo("off");
    }

    @Test
    void activate_pastItsExpiry_isListedAsNoLongerPlaying() throws Exception {
        api.post(SNOW + "/activate", AdminFixture.ALICE, "{\"reason\": \"snow\", \"expires\": \""
                + TestClock.ALL_OPEN.plus(Duration.ofMinutes(30)) + "\"}");
        api.clock.set(TestClock.ALL_OPEN.plus(Duration.ofMinutes(31)));
        JsonNode snow = announcement(api.get(LIST, AdminFixture.ALICE), "snow");
        assertThat(snow.path("state").asText()).isEqualTo("active");
        assertThat(snow.path("playing").asBoolean()).isFalse();
    }

    @Test
    void expires_withAnOffset_isTheSameInstant() throws Exception {
        Answer on = api.post(SNOW + "/activate", AdminFixture.ALICE,
                "{\"reason\": \"snow\", \"expires\": \"2026-11-19T13:00:00-05:00\"}");
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().path("expires").asText()).isEqualTo("2026-11-19T18:00:00Z");
    }

    @Test
    void armActivateDeactivate_areAuditedNewestFirstWithWhoAndWhy() throws Exception {
        assertThat(api.post(SNOW + "/arm", AdminFixture.ALICE, "").status()).isEqualTo(200);
        api.clock.set(TestClock.ALL_OPEN.plusSeconds(60));
        assertThat(api.post(SNOW + "/activate", AdminFixture.ALICE, "{\"reason\": \"roads closed\"}").status())
                .isEqualTo(200);
        api.clock.set(TestClock.ALL_OPEN.plusSeconds(120));
        Answer off = api.post(SNOW + "/deactivate", AdminFixture.ALICE, "{\"reason\": \"roads open\"}");
        assertThat(off.json().path("state").asText()).isEqualTo("off");

        Answer audit = api.get("/api/centers/metro-311/audit?limit=50", AdminFixture.VICTOR);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.json().path("audit")).extracting(e -> e.path("from").asText() + ">" + e.path("to").asText()
                + " " + e.path("by").asText() + " " + e.path("reason").asText())
                .containsExactly("active>off admin:alice roads open", "armed>active admin:alice roads closed",
                        "off>armed admin:alice ");
        assertThat(audit.json().path("audit").get(0).path("at").asText())
                .isEqualTo(TestClock.ALL_OPEN.plusSeconds(120).toString());
        assertThat(api.get("/api/centers/metro-311/audit?limit=1", AdminFixture.VICTOR).json().path("audit"))
                .hasSize(1);
    }

    @Test
    void noToken_is401_withABearerChallenge() throws Exception {
        Answer a = api.get(LIST, null);
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().path("error").asText()).isEqualTo("unauthorized");
        assertThat(a.message()).contains("Authorization: Bearer");
        assertThat(a.response().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Bearer"));
    }

    @Test
    void wrongToken_is401_andChangesNothing() throws Exception {
        Answer a = api.post(SNOW + "/activate", "onecall_not-a-token-anyone-was-given", "{\"reason\": \"x\"}");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.message()).contains("not known");
        assertThat(api.board.current("metro-311")).isEmpty();
    }

    @Test
    void basicAuthentication_isNotABearerToken_401() throws Exception {
        Answer a = api.send(api.request(LIST, null).header("Authorization", "Basic YWxpY2U6c2VjcmV0"));
        assertThat(a.status()).isEqualTo(401);
    }

    @Test
    void viewToken_switching_is403_andChangesNothing() throws Exception {
        Answer a = api.post(SNOW + "/activate", AdminFixture.VICTOR, "{\"reason\": \"snow\"}");
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().path("error").asText()).isEqualTo("forbidden");
        assertThat(a.message()).contains("victor").contains("view").contains("switch");
        assertThat(api.board.current("metro-311")).isEmpty();
    }

    @Test
    void revokedToken_isRefusedFromTheNextRequestOn() throws Exception {
        assertThat(api.get(LIST, AdminFixture.ALICE).status()).isEqualTo(200);
        api.tokens.set(api.tokens.get().stream().filter(t -> !t.name().equals("alice")).toList());
        assertThat(api.get(LIST, AdminFixture.ALICE).status()).isEqualTo(401);
    }

    @Test
    void unknownCenter_is404() throws Exception {
        Answer a = api.get("/api/centers/atlantis-311/announcements", AdminFixture.VICTOR);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.message()).contains("atlantis-311");
        assertThat(api.post("/api/centers/atlantis-311/announcements/snow/arm", AdminFixture.ALICE, "").status())
                .isEqualTo(404);
        assertThat(api.get("/api/centers/atlantis-311/audit", AdminFixture.ALICE).status()).isEqualTo(404);
    }

    @Test
    void unknownAnnouncement_is404_namingTheCentersAnnouncements() throws Exception {
        Answer a = api.post("/api/centers/metro-311/announcements/tornado/activate", AdminFixture.ALICE,
                "{\"reason\": \"x\"}");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.message()).contains("tornado").contains("[snow, water-main, high-volume]");
    }

    @Test
    void unknownEndpoint_is404_andTheWrongMethod405() throws Exception {
        assertThat(api.get("/api/centers/metro-311/announcements/snow/explode", AdminFixture.ALICE).status())
                .isEqualTo(404);
        Answer get = api.get(SNOW + "/activate", AdminFixture.ALICE);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.response().headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void activate_withoutReason_is400_namingReason() throws Exception {
        for (String body : List.of("", "{}", "{\"reason\": \"   \"}", "{\"expiresIn\": \"4h\"}")) {
            Answer a = api.post(SNOW + "/activate", AdminFixture.ALICE, body);
            assertThat(a.status()).as(body).isEqualTo(400);
            assertThat(a.json().path("field").asText()).as(body).isEqualTo("reason");
            assertThat(a.message()).startsWith("reason: required");
        }
        assertThat(api.board.current("metro-311")).isEmpty();
    }

    @Test
    void badInput_is400_namingTheField() throws Exception {
        // body -> the field the answer names
        String[][] cases = {
                {"{\"reason\": \"snow\", \"expiresIn\": \"soon\"}", "expiresIn"},
                {"{\"reason\": \"snow\", \"expiresIn\": \"0s\"}", "expiresIn"},
                {"{\"reason\": \"snow\", \"expires\": \"tomorrow\"}", "expires"},
                {"{\"reason\": \"snow\", \"expires\": \"2020-01-01T00:00:00Z\"}", "expires"},
                {"{\"reason\": \"snow\", \"expires\": \"2027-01-01T00:00:00Z\", \"expiresIn\": \"4h\"}", "expires"},
                {"{\"reason\": \"snow\", \"expire\": \"4h\"}", "expire"},
                {"{\"reason\": 42}", "reason"},
                {"{\"reason\": \"line one\\nline two\"}", "reason"},
                {"{\"reason\": \"snow\"", "body"},
                {"{\"reason\": \"snow\"} {}", "body"},
                {"[\"snow\"]", "body"}};
        for (String[] c : cases) {
            Answer a = api.post(SNOW + "/activate", AdminFixture.ALICE, c[0]);
            assertThat(a.status()).as(c[0]).isEqualTo(400);
            assertThat(a.json().path("field").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(a.message()).as(c[0]).startsWith(c[1] + ": ");
        }
        Answer off = api.post(SNOW + "/deactivate", AdminFixture.ALICE, "{\"expiresIn\": \"4h\"}");
        assertThat(off.status()).isEqualTo(400);
        assertThat(off.message()).isEqualTo("expiresIn: an announcement switched off has no expiry");
        Answer limit = api.get("/api/centers/metro-311/audit?limit=lots", AdminFixture.ALICE);
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().path("field").asText()).isEqualTo("limit");
        assertThat(api.board.current("metro-311")).isEmpty();
    }

    @Test
    void expiry_moreThanAYearAhead_is400_sayingTheLimit() throws Exception {
        // body -> the field the answer names; before the cap these were a 500 (overflow) or a 503 (the database)
        String[][] cases = {
                {"{\"reason\": \"snow\", \"expiresIn\": \"999999999999999d\"}", "expiresIn"},
                {"{\"reason\": \"snow\", \"expiresIn\": \"99999999999999999999d\"}", "expiresIn"},
                {"{\"reason\": \"snow\", \"expiresIn\": \"366d\"}", "expiresIn"},
                {"{\"reason\": \"snow\", \"expires\": \"+10000-01-01T00:00:00Z\"}", "expires"},
                {"{\"reason\": \"snow\", \"expires\": \"" + TestClock.ALL_OPEN.plus(Duration.ofDays(366)) + "\"}",
                        "expires"}};
        for (String[] c : cases) {
            Answer a = api.post(SNOW + "/activate", AdminFixture.ALICE, c[0]);
            assertThat(a.status()).as(c[0]).isEqualTo(400);
            assertThat(a.json().path("field").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(a.message()).as(c[0]).startsWith(c[1] + ": ").contains("365d");
        }
        assertThat(api.board.current("metro-311")).isEmpty();

        Answer year = api.post(SNOW + "/suppress", AdminFixture.ALICE, "{\"expiresIn\": \"365d\"}");
        assertThat(year.status()).as(year.message()).isEqualTo(200);
        assertThat(year.json().path("expires").asText())
                .isEqualTo(TestClock.ALL_OPEN.plus(Duration.ofDays(365)).toString());
    }

    @Test
    void oversizedBody_is413() throws Exception {
        Answer a = api.post(SNOW + "/activate", AdminFixture.ALICE, "{\"reason\": \"" + "x".repeat(20_000) + "\"}");
        assertThat(a.status()).isEqualTo(413);
    }

    @Test
    void boardThatCannotStore_is503_sayingTheChangeWasNotMade() throws Exception {
        api.close();
        try (AdminFixture away = new AdminFixture(new AwayBoard())) {
            Answer a = away.post(SNOW + "/activate", AdminFixture.ALICE, "{\"reason\": \"snow\"}");
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.json().path("error").asText()).isEqualTo("unavailable");
            assertThat(a.message()).startsWith("the change was not made").contains("database unreachable");
            assertThat(a.response().headers().firstValue("Retry-After")).isPresent();
            assertThat(away.get("/api/centers/metro-311/audit", AdminFixture.VICTOR).status()).isEqualTo(503);
            // What the board last read still lists.
            assertThat(away.get(LIST, AdminFixture.VICTOR).status()).isEqualTo(200);
        }
        api = new AdminFixture();
    }

    @Test
    void aTakenPort_failsTheStart_namingTheKeyToChange() {
        assertThatThrownBy(() -> AdminServer.start(api.server.address(), api.board, AdminFixture.CATALOG, List::of,
                api.clock)).isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith("the admin API cannot listen on 127.0.0.1:" + api.server.address().getPort())
                .hasMessageContaining("set admin.port");
    }

    @Test
    void tokens_neverAppearInALogLine_butEachChangeNamesItsAdministrator() throws Exception {
        api.post(SNOW + "/activate", AdminFixture.ALICE, "{\"reason\": \"snow emergency\", \"expiresIn\": \"2h\"}");
        api.post(SNOW + "/deactivate", AdminFixture.VICTOR, "{}");
        api.get(LIST, "onecall_a-guess");
        api.get(LIST, null);
        api.post(SNOW + "/activate", AdminFixture.ALICE, "{\"reason\": 1}");
        api.close();
        try (AdminFixture away = new AdminFixture(new AwayBoard())) {
            away.post(SNOW + "/arm", AdminFixture.ALICE, "{}");
        }
        api = new AdminFixture();

        List<String> lines = logs.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))
                + e.getMDCPropertyMap()).toList();
        assertThat(lines).isNotEmpty().noneMatch(l -> l.contains(AdminFixture.ALICE) || l.contains(AdminFixture.VICTOR)
                || l.contains("onecall_a-guess") || l.contains("Bearer"));
        assertThat(lines).filteredOn(l -> l.startsWith("announcement metro-311/snow")).singleElement()
                .satisfies(l -> assertThat(l).contains("active").contains("by admin alice").contains("snow emergency"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("refused").contains("victor"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("refused").contains("unknown token"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("alice could not arm metro-311/snow"));
    }
}
