package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.TestClock;
import org.onecall.config.Center;
import org.onecall.config.Target;
import org.onecall.e2e.MenuWalk.Course;
import org.onecall.e2e.MenuWalk.End;
import org.onecall.e2e.MenuWalk.Facts;
import org.onecall.e2e.MenuWalk.Leaf;
import org.onecall.e2e.MenuWalk.Stop;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.Event;
import org.onecall.emulator.Route;
import org.onecall.emulator.Transcript;

/**
 * Every leaf of every shipped menu, in every language, end to end over a real FastAGI socket. The
 * cases come from the loaded config ({@link MenuWalk}), so a new menu, option, language or city is
 * tested without editing this class; what each case expects is worked out from the config by the
 * plain routing rules, not by asking the server's router.
 */
class EveryLeafTest {
    /**
     * Sunday 23:00 in New York, Wednesday 23:00 in Seoul: only the 24/7 desks are open (metro's office
     * desks close Saturday 17:00 and its extended ones Sunday 18:00; gyeonggi's cities at 18:00).
     */
    static final Map<String, Instant> NIGHT = Map.of(
            "metro-311", Instant.parse("2026-11-23T04:00:00Z"),
            "gyeonggi-120", Instant.parse("2026-11-18T14:00:00Z"));

    @TempDir
    static Path tmp;
    static TestServer server;
    static List<Center> centers;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(tmp);
        centers = server.server.config().centers();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // --- calls

    /**
     * A call to the center's own number. The channel starts in the center's default language, as on
     * an Asterisk whose trunk for that center is set up in it.
     */
    static Transcript call(Center c, Optional<Instant> at, CallerScript caller) {
        server.clock.set(at.orElse(TestClock.ALL_OPEN));
        try {
            return server.call(CallSetup.to(c.numbers().getFirst()).withScript(c.scripts().getFirst())
                    .withLanguage(c.defaultLanguage()).withCaller(caller));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server.clock.set(TestClock.ALL_OPEN);
        }
    }

    static Transcript call(Stop s, List<String> moreKeys) {
        return call(s.center(), night(s), CallerScript.keys(concat(s.keys(), moreKeys).toArray(String[]::new)));
    }

    static Optional<Instant> night(Stop s) {
        if (!s.afterHours()) {
            return Optional.empty();
        }
        assumeTrue(NIGHT.containsKey(s.center().id()), "no night instant for " + s.center().id());
        return Optional.of(NIGHT.get(s.center().id()));
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static List<String> concat(List<String> a, String b, List<String> c) {
        return concat(concat(a, List.of(b)), c);
    }

    // --- what the caller and the dialplan notice

    /** The queues the caller was put in, in order. */
    static List<String> queuesEntered(Transcript t) {
        return t.wire().stream().filter(l -> l.startsWith(">> EXEC \"Queue\" \""))
                .map(l -> l.substring(">> EXEC \"Queue\" \"".length(), l.indexOf(','))).toList();
    }

    static List<String> saidDigits(Transcript t) {
        return t.wire().stream().filter(l -> l.startsWith(">> SAY DIGITS \""))
                .map(l -> l.substring(">> SAY DIGITS \"".length(), l.indexOf('"', ">> SAY DIGITS \"".length())))
                .toList();
    }

    /** The call never ends in silence: it ends on the survey's thanks, a goodbye or the 911 hand-over. */
    static void assertEndsAudibly(Center c, Transcript t) {
        List<String> endings = new ArrayList<>(List.of(c.prompts().goodbye()));
        c.survey().ifPresent(s -> endings.add(s.thanks()));
        c.emergency().ifPresent(e -> endings.add(e.prompt()));
        assertThat(t.prompts()).as("what the caller heard").isNotEmpty();
        assertThat(t.prompts().getLast()).as("the last thing the caller heard, of %s", t.prompts()).isIn(endings);
        assertThat(t.variables()).as("the dialplan is told the call was handled").containsKey("ONECALL_STATUS");
    }

    /** Where the call ended, and what the dialplan and the agent were told. */
    static void assertEnd(Center c, Transcript t, End end, Facts facts, List<String> path, Optional<String> entered) {
        switch (end) {
            case End.Queue q -> {
                assertThat(t.route()).as("route").contains(new Route(q.queue(), q.language(), q.topic()));
                assertThat(queuesEntered(t)).as("queues entered").containsExactly(q.queue());
                assertThat(t.variables())
                        .containsEntry("ONECALL_STATUS", "DONE")
                        .containsEntry("ONECALL_CITY", facts.city().orElse(""))
                        .containsEntry("ONECALL_TOPIC", q.topic())
                        .containsEntry("ONECALL_PATH", String.join(">", path))
                        .containsEntry("ONECALL_ENTERED", entered.orElse(""))
                        .containsEntry("ONECALL_INTERPRETER", q.interpreter() ? "yes" : "no")
                        .containsEntry("ONECALL_WHISPER", String.join("&", q.whisper()));
                facts.language().ifPresent(l -> assertThat(t.variables()).containsEntry("ONECALL_LANG", l));
                assertThat(t.outcome()).isEqualTo("server-hung-up");
            }
            case End.Emergency e -> {
                assertThat(t.variables()).containsEntry("ONECALL_STATUS", "EMERGENCY");
                facts.language().ifPresent(l -> assertThat(t.variables()).containsEntry("ONECALL_LANG", l));
                assertThat(t.route()).isEmpty();
                assertThat(t.wire()).as("the dialplan dials 911: OneCall must not hang up").doesNotContain(">> HANGUP");
            }
            case End.Goodbye g -> {
                assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
                assertThat(t.route()).isEmpty();
            }
            case End.Closed closed -> {
                assertThat(queuesEntered(t)).as("queues entered while closed").isEmpty();
                assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
            }
        }
        assertEndsAudibly(c, t);
    }

    static Stream<Center> centers() {
        return centers.stream();
    }

    static Stream<Stop> everyMenu() {
        return centers().flatMap(c -> MenuWalk.everyMenu(MenuWalk.walk(c)).stream());
    }

    // --- 1

    @Nested
    class Leaves {
        @TestFactory
        Stream<DynamicTest> everyLeaf_inEveryLanguage_allDesksOpen_endsWhereTheConfigSays() {
            return centers().flatMap(c -> MenuWalk.walk(c).leaves().stream())
                    .map(leaf -> DynamicTest.dynamicTest(leaf.name(), () -> leaf(leaf)));
        }

        private void leaf(Leaf leaf) {
            Center c = leaf.center();
            Course course = MenuWalk.follow(leaf, leaf.at().afterHours());

            Transcript t = call(c, night(leaf.at()),
                    CallerScript.keys(concat(leaf.keys(), course.keys()).toArray(String[]::new)));

            List<String> heard = concat(leaf.at().heardBefore(), leaf.at().menu().prompt(), course.heard());
            if (course.end() instanceof End.Closed) {
                // Closed again: what follows the after-hours menu is up to a caller who presses nothing more.
                assertThat(t.prompts()).as("what the caller heard").startsWith(heard.toArray(String[]::new));
            } else {
                assertThat(t.prompts()).as("what the caller heard").containsExactlyElementsOf(heard);
            }
            assertThat(saidDigits(t)).as("numbers read out").containsExactlyElementsOf(course.said());
            assertEnd(c, t, course.end(), leaf.at().facts(), concat(leaf.at().path(), course.path()), course.entered());
        }
    }

    // --- 2 to 5

    @Nested
    class AtEveryMenu {
        @TestFactory
        Stream<DynamicTest> silentCaller_atEveryMenu_hearsTheNoInputNotice_thenGoesToTheFailureTarget() {
            return everyMenu().map(s -> DynamicTest.dynamicTest(s.name() + ": silence -> "
                    + Target.format(s.menu().failure()), () -> silent(s)));
        }

        private void silent(Stop s) {
            Center.Menu m = s.menu();
            Transcript t = call(s, List.of());

            List<String> atMenu = new ArrayList<>();
            for (int i = 0; i < m.tries(); i++) {
                if (i > 0) {
                    atMenu.add(m.noInput());
                }
                atMenu.add(m.prompt());
            }
            List<String> expected = concat(concat(s.heardBefore(), atMenu),
                    List.of(MenuWalk.firstHeardAfter(s, m.failure(), s.afterHours())));
            assertThat(t.prompts()).as("what the caller heard").startsWith(expected.toArray(String[]::new));
            assertThat(t.prompts().subList(s.heardBefore().size(), expected.size())).doesNotContain(m.invalid());
            if (!s.afterHours() && routes(m.failure())) {
                Course course = MenuWalk.follow(s.center(), s.menu().id(), s.facts(), s.topic(), m.failure(), false);
                assertThat(t.variables()).containsEntry("ONECALL_PATH", String.join(">", concat(s.path(), course.path())));
                assertThat(t.route().map(Route::queue)).contains(((End.Queue) course.end()).queue());
            }
            assertEndsAudibly(s.center(), t);
        }

        @TestFactory
        Stream<DynamicTest> wrongKey_atEveryMenu_hearsTheInvalidNotice_thenARightKeyWorks() {
            return everyMenu().map(s -> DynamicTest.dynamicTest(s.name() + ": wrong key, then a right one",
                    () -> wrongKey(s)));
        }

        private void wrongKey(Stop s) {
            Center.Menu m = s.menu();
            Optional<Character> emergency = s.center().emergency().map(Center.Emergency::key);
            Optional<Character> wrong = "123456789".chars().mapToObj(k -> (char) k)
                    .filter(k -> !m.options().containsKey(k) && !emergency.equals(Optional.of(k))).findFirst();
            assumeTrue(wrong.isPresent(), "every key 1-9 is a choice at " + m.id() + ": no wrong key to press");
            Center.Option right = new TreeMap<>(m.options()).firstEntry().getValue();

            Transcript t = call(s, List.of(String.valueOf(wrong.get()), String.valueOf(right.key())));

            List<String> expected = concat(s.heardBefore(), List.of(m.prompt(), m.invalid(), m.prompt(),
                    MenuWalk.firstHeardAfter(s, right.target(), s.afterHours())));
            assertThat(t.prompts()).as("what the caller heard").startsWith(expected.toArray(String[]::new));
            assertEndsAudibly(s.center(), t);
        }

        @TestFactory
        Stream<DynamicTest> star_atEveryMenu_replaysTheMenu() {
            return everyMenu().map(s -> DynamicTest.dynamicTest(s.name() + ": * then 0", () -> star(s)));
        }

        private void star(Stop s) {
            Center.Menu m = s.menu();
            Transcript t = call(s, List.of("*", "0"));

            List<String> expected = concat(s.heardBefore(), List.of(m.prompt(), m.prompt(),
                    MenuWalk.firstHeardAfter(s, new Target.Agent(), s.afterHours())));
            assertThat(t.prompts()).as("what the caller heard").startsWith(expected.toArray(String[]::new));
            assertEndsAudibly(s.center(), t);
        }

        @TestFactory
        Stream<DynamicTest> zero_atEveryMenu_reachesAPerson() {
            return everyMenu().map(s -> DynamicTest.dynamicTest(s.name() + ": 0", () -> zero(s)));
        }

        private void zero(Stop s) {
            Center.Menu m = s.menu();
            Course course = MenuWalk.follow(s.center(), s.menu().id(), s.facts(), s.topic(), new Target.Agent(), s.afterHours());

            Transcript t = call(s, List.of("0"));

            List<String> expected = concat(s.heardBefore(), m.prompt(), course.heard());
            if (course.end() instanceof End.Closed) {
                // Nobody works now: the caller hears the hours and the after-hours menu again; the rest is silence.
                assertThat(t.prompts()).as("what the caller heard").startsWith(expected.toArray(String[]::new));
                assertThat(queuesEntered(t)).as("queues entered while closed").isEmpty();
                assertEndsAudibly(s.center(), t);
            } else {
                assertThat(t.prompts()).as("what the caller heard").containsExactlyElementsOf(expected);
                assertEnd(s.center(), t, course.end(), s.facts(), concat(s.path(), course.path()), Optional.empty());
            }
        }

        @TestFactory
        Stream<DynamicTest> hangup_atEveryMenu_endsTheCall_withoutCommandsToTheDeadChannel() {
            return everyMenu().map(s -> DynamicTest.dynamicTest(s.name() + ": hangs up", () -> hangup(s)));
        }

        private void hangup(Stop s) {
            int step = s.heardBefore().size() + 1;
            Transcript t = call(s.center(), night(s),
                    CallerScript.keys(s.keys().toArray(String[]::new)).hangupDuring(step));

            assertThat(t.events()).as("the caller hung up during this menu's prompt")
                    .contains(new Event.Heard(step, s.menu().prompt(), Event.Ending.CUT_OFF_BY_HANGUP));
            assertThat(t.outcome()).isEqualTo("caller-hung-up");
            List<String> afterHangup = t.wire().subList(t.wire().indexOf("<< HANGUP") + 1, t.wire().size());
            assertThat(afterHangup.stream().filter(l -> l.startsWith(">> ")).toList())
                    .as("commands sent after the caller hung up").hasSizeLessThanOrEqualTo(1)
                    .allMatch(l -> l.equals(">> CHANNEL STATUS"));
            assertThat(t.variables()).doesNotContainKey("ONECALL_STATUS");
        }

        private static boolean routes(Target t) {
            return t instanceof Target.Agent || t instanceof Target.ToTopic || t instanceof Target.Interpreter;
        }
    }

    // --- 6

    @Nested
    class Survey {
        @TestFactory
        Stream<DynamicTest> callerWhoStaysOnAfterTheAgent_ratesOneToFive_theScoreIsKept() {
            return centers().filter(c -> c.survey().isPresent()).flatMap(c -> Stream.of("1", "2", "3", "4", "5")
                    .map(score -> DynamicTest.dynamicTest(c.id() + " rates " + score, () -> {
                        Transcript t = call(c, Optional.empty(), CallerScript.keys("0", score));
                        assertThat(t.variables()).containsEntry("ONECALL_SURVEY", score)
                                .containsEntry("ONECALL_STATUS", "DONE");
                        assertThat(t.prompts()).endsWith(c.survey().get().prompt(), c.survey().get().thanks());
                    })));
        }

        @TestFactory
        Stream<DynamicTest> callerWhoStaysOnAfterTheAgent_keysNoScore_noScoreIsKept_andIsStillThanked() {
            return centers().filter(c -> c.survey().isPresent()).flatMap(c -> Stream.of("0", "6", "7", "8", "9", "*", "#", "")
                    .map(key -> DynamicTest.dynamicTest(c.id() + " keys '" + key + "'", () -> {
                        Transcript t = call(c, Optional.empty(), CallerScript.keys("0", key));
                        assertThat(t.variables()).doesNotContainKey("ONECALL_SURVEY")
                                .containsEntry("ONECALL_STATUS", "DONE");
                        assertThat(t.prompts()).endsWith(c.survey().get().prompt(), c.survey().get().thanks());
                    })));
        }
    }

    // --- 7

    @Nested
    class AfterHours {
        @TestFactory
        Stream<DynamicTest> everyTopicLeaf_atNight_onlyA24x7DeskAnswers_elseTheHoursAndTheAfterHoursMenu() {
            return centers().filter(c -> NIGHT.containsKey(c.id()))
                    .flatMap(c -> MenuWalk.walk(c).leaves().stream())
                    .filter(l -> !l.at().afterHours())
                    .filter(l -> l.target() instanceof Target.ToTopic || l.target() instanceof Target.ToCollect)
                    .map(leaf -> DynamicTest.dynamicTest(leaf.name() + " at night", () -> atNight(leaf)));
        }

        private void atNight(Leaf leaf) {
            Center c = leaf.center();
            Course course = MenuWalk.follow(leaf, true);

            Transcript t = call(c, Optional.of(NIGHT.get(c.id())),
                    CallerScript.keys(concat(leaf.keys(), course.keys()).toArray(String[]::new)));

            List<String> expected = concat(leaf.at().heardBefore(), leaf.at().menu().prompt(), course.heard());
            assertThat(t.prompts()).as("what the caller heard").startsWith(expected.toArray(String[]::new));
            assertThat(queuesEntered(t)).as("queues entered at night").allMatch(q -> MenuWalk.alwaysOpen(c, q));
            assertEnd(c, t, course.end(), leaf.at().facts(), concat(leaf.at().path(), course.path()), course.entered());
        }
    }

    // --- 8

    @Nested
    class Overflow {
        @TestFactory
        Stream<DynamicTest> deskWithNoAgentReady_sendsTheCallerToItsOverflow() {
            return desksWithOverflow().map(d -> DynamicTest.dynamicTest(
                    d.desk().name() + " has nobody ready -> " + d.overflow(), () -> {
                        Leaf leaf = d.reachedBy();
                        Transcript t = call(leaf.center(), Optional.empty(), keysOf(leaf).readyAgents(d.desk().name(), 0));
                        assertThat(t.route().map(Route::queue)).as("route of " + leaf.name()).contains(d.overflow());
                        assertThat(queuesEntered(t)).doesNotContain(d.desk().name());
                    }));
        }

        @TestFactory
        Stream<DynamicTest> deskWithAFullLine_sendsTheCallerToItsOverflow() {
            return desksWithOverflow().filter(d -> d.desk().maxWaiting() > 0).map(d -> DynamicTest.dynamicTest(
                    d.desk().name() + " has " + d.desk().maxWaiting() + " waiting -> " + d.overflow(), () -> {
                        Leaf leaf = d.reachedBy();
                        assumeTrue(leaf.center().queues().get(d.overflow()).maxWaiting() == 0,
                                "the overflow desk has a waiting limit of its own");
                        Transcript t = call(leaf.center(), Optional.empty(),
                                keysOf(leaf).waitingCallers(d.desk().maxWaiting()));
                        assertThat(t.route().map(Route::queue)).as("route of " + leaf.name()).contains(d.overflow());
                    }));
        }

        private static CallerScript keysOf(Leaf leaf) {
            return CallerScript.keys(leaf.keys().toArray(String[]::new));
        }

        /** A desk with an overflow, and the first topic leaf that reaches it when all is well. */
        record DeskCase(Center.QueueSpec desk, Optional<Leaf> leaf) {
            String overflow() {
                return desk.overflow().orElseThrow();
            }

            Leaf reachedBy() {
                assertThat(leaf).as("a key path that reaches " + desk.name()).isPresent();
                return leaf.orElseThrow();
            }
        }

        private static Stream<DeskCase> desksWithOverflow() {
            return centers().flatMap(c -> {
                List<Leaf> topics = MenuWalk.walk(c).leaves().stream()
                        .filter(l -> !l.at().afterHours() && l.target() instanceof Target.ToTopic).toList();
                return c.queues().values().stream().filter(q -> q.overflow().isPresent())
                        .sorted(Comparator.comparing(Center.QueueSpec::name))
                        .map(q -> new DeskCase(q, topics.stream()
                                .filter(l -> MenuWalk.follow(l, false).end() instanceof End.Queue e
                                        && e.queue().equals(q.name()))
                                .findFirst()));
            });
        }
    }

    // --- problems this walk found once, kept so they stay fixed

    @Nested
    class Regressions {
        @TestFactory
        Stream<DynamicTest> afterHours_callerWhoKeepsPressingZero_hearsGoodbye_notAnEndlessClosedMessage() {
            return everyMenu().filter(Stop::afterHours).map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                List<String> zeros = Collections.nCopies(PRESSES, "0");
                // The caller gives up at step 400 at the latest, so the endless loop fails fast instead of timing out.
                Transcript t = call(s.center(), night(s), CallerScript.keys(concat(s.keys(), zeros).toArray(String[]::new))
                        .hangupDuring(400));
                assertThat(t.outcome()).as("the server ends the call; the caller last heard %s",
                        t.prompts().subList(Math.max(0, t.prompts().size() - 5), t.prompts().size()))
                        .isEqualTo("server-hung-up");
                assertThat(t.prompts()).endsWith(s.center().prompts().goodbye());
            }));
        }

        @TestFactory
        Stream<DynamicTest> callerWhoNeverChoosesALanguage_isServedInTheCentersDefaultLanguage() {
            return centers().map(c -> DynamicTest.dynamicTest(c.id() + ": 0 at the language menu", () -> {
                String other = c.languages().stream().filter(l -> !l.equals(c.defaultLanguage())).findFirst().orElseThrow();
                Transcript t = server.call(CallSetup.to(c.numbers().getFirst()).withScript(c.scripts().getFirst())
                        .withLanguage(other).withCaller(CallerScript.keys("0")));
                assertThat(t.variables()).containsEntry("ONECALL_LANG", c.defaultLanguage());
                assertThat(t.route().map(Route::language)).contains(c.defaultLanguage());
            }));
        }

        @TestFactory
        Stream<DynamicTest> atNight_topicDeskOpenButWithoutTheCallersLanguage_takesTheCallWithAnInterpreter() {
            return centers().filter(c -> NIGHT.containsKey(c.id())).flatMap(c -> MenuWalk.walk(c).leaves().stream())
                    .filter(l -> !l.at().afterHours() && l.target() instanceof Target.ToTopic && l.at().facts().city().isEmpty())
                    .filter(l -> {
                        Center c = l.center();
                        Optional<String> desk = c.topics().get(((Target.ToTopic) l.target()).topic()).queue();
                        return desk.isPresent() && MenuWalk.alwaysOpen(c, desk.get())
                                && !MenuWalk.speaks(c, desk.get(), l.at().facts().language(c))
                                && !MenuWalk.alwaysOpen(c, c.routing().generalQueue());
                    })
                    .map(l -> DynamicTest.dynamicTest(l.name() + " at night", () -> {
                        String desk = l.center().topics().get(((Target.ToTopic) l.target()).topic()).queue().orElseThrow();
                        Transcript t = call(l.center(), Optional.of(NIGHT.get(l.center().id())),
                                CallerScript.keys(l.keys().toArray(String[]::new)));
                        assertThat(t.route().map(Route::queue)).as("what the caller heard: %s", t.prompts()).contains(desk);
                        assertThat(t.variables()).containsEntry("ONECALL_INTERPRETER", "yes");
                    }));
        }

        /** Each 0 at night costs the call two steps (the route, the after-hours menu): 60 presses pass Journey.MAX_STEPS. */
        private static final int PRESSES = 60;
    }
}
