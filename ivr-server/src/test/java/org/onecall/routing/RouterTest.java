package org.onecall.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecall.routing.Centers.CHILDRENS_DAY;
import static org.onecall.routing.Centers.CHRISTMAS;
import static org.onecall.routing.Centers.CITIES_SERVED_BY_THE_PROVINCE;
import static org.onecall.routing.Centers.CITIES_WITH_A_DESK;
import static org.onecall.routing.Centers.EASTPORT;
import static org.onecall.routing.Centers.GENERAL;
import static org.onecall.routing.Centers.GYEONGGI;
import static org.onecall.routing.Centers.GYEONGGI_INTERPRETER;
import static org.onecall.routing.Centers.HARBOR;
import static org.onecall.routing.Centers.HARBOR_911_PRIORITY;
import static org.onecall.routing.Centers.HARBOR_GENERAL;
import static org.onecall.routing.Centers.HARBOR_INTERPRETER;
import static org.onecall.routing.Centers.INTERPRETER;
import static org.onecall.routing.Centers.LICENSING;
import static org.onecall.routing.Centers.METRO;
import static org.onecall.routing.Centers.NOISE;
import static org.onecall.routing.Centers.NORTH_FERRY;
import static org.onecall.routing.Centers.PARKING;
import static org.onecall.routing.Centers.PERMITS;
import static org.onecall.routing.Centers.PROVINCE;
import static org.onecall.routing.Centers.RECORDS;
import static org.onecall.routing.Centers.SANITATION;
import static org.onecall.routing.Centers.SATURDAY;
import static org.onecall.routing.Centers.SOUTH_FERRY;
import static org.onecall.routing.Centers.STREETS;
import static org.onecall.routing.Centers.SUNDAY;
import static org.onecall.routing.Centers.THANKSGIVING;
import static org.onecall.routing.Centers.WATER;
import static org.onecall.routing.Centers.WEDNESDAY;
import static org.onecall.routing.Centers.cityDesk;
import static org.onecall.routing.RouteCase.call;

import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Router.decide as a 311 manager reads it: one row per call, where it goes and why. Rows give
 * wall-clock times in the called center's zone, except where the point is the instant itself
 * (time zones, DST), which is given in UTC. Unless a row says otherwise every desk has an agent
 * ready and nobody waiting, and the caller speaks the center's default language.
 */
class RouterTest {

    @Nested
    class OpeningHours {
        static Stream<RouteCase> metroDesks() {
            return Stream.of(
                    call(METRO, "pothole, Wednesday 10:00: the streets desk")
                            .about("pothole").at(WEDNESDAY, "10:00").goesTo(STREETS).because("topic pothole -> " + STREETS),
                    call(METRO, "pothole, Wednesday 07:59:59, just before the office opens: the general desk")
                            .about("pothole").at(WEDNESDAY, "07:59:59").goesTo(GENERAL).because(STREETS + " closed now"),
                    call(METRO, "pothole, Wednesday 08:00, as the office opens")
                            .about("pothole").at(WEDNESDAY, "08:00").goesTo(STREETS),
                    call(METRO, "pothole, Wednesday 19:59:59, just before the office closes")
                            .about("pothole").at(WEDNESDAY, "19:59:59").goesTo(STREETS),
                    call(METRO, "pothole, Wednesday 20:00: closing time is already closed")
                            .about("pothole").at(WEDNESDAY, "20:00").goesTo(GENERAL).because(STREETS + " closed now"),
                    call(METRO, "missed pickup, Saturday 08:59, before Saturday hours")
                            .about("missed-pickup").at(SATURDAY, "08:59").goesTo(GENERAL).because(SANITATION + " closed now"),
                    call(METRO, "missed pickup, Saturday 09:00")
                            .about("missed-pickup").at(SATURDAY, "09:00").goesTo(SANITATION),
                    call(METRO, "missed pickup, Saturday 16:59")
                            .about("missed-pickup").at(SATURDAY, "16:59").goesTo(SANITATION),
                    call(METRO, "missed pickup, Saturday 17:00, after Saturday hours")
                            .about("missed-pickup").at(SATURDAY, "17:00").goesTo(GENERAL).because(SANITATION + " closed now"),
                    call(METRO, "broken meter, Sunday noon: office desks keep no Sunday hours")
                            .about("broken-meter").at(SUNDAY, "12:00").goesTo(GENERAL).because(PARKING + " closed now"),
                    call(METRO, "no topic yet, Wednesday 06:59: nobody is in yet")
                            .at(WEDNESDAY, "06:59").isClosed().because(GENERAL + " closed now"),
                    call(METRO, "no topic yet, Wednesday 07:00: the general desk opens early")
                            .at(WEDNESDAY, "07:00").goesTo(GENERAL),
                    call(METRO, "no topic yet, Wednesday 21:59: the general desk stays late")
                            .at(WEDNESDAY, "21:59").goesTo(GENERAL),
                    call(METRO, "no topic yet, Wednesday 22:00")
                            .at(WEDNESDAY, "22:00").isClosed().because(GENERAL + " closed now"),
                    call(METRO, "no topic yet, Saturday 07:59")
                            .at(SATURDAY, "07:59").isClosed(),
                    call(METRO, "no topic yet, Sunday 08:00: weekend hours")
                            .at(SUNDAY, "08:00").goesTo(GENERAL),
                    call(METRO, "no topic yet, Sunday 17:59")
                            .at(SUNDAY, "17:59").goesTo(GENERAL),
                    call(METRO, "no topic yet, Sunday 18:00")
                            .at(SUNDAY, "18:00").isClosed(),
                    call(METRO, "noise, Sunday 17:00: the noise desk keeps the long hours")
                            .about("noise").at(SUNDAY, "17:00").goesTo(NOISE),
                    call(METRO, "noise, Wednesday 22:30: everyone has gone home")
                            .about("noise").at(WEDNESDAY, "22:30").isClosed()
                            .because(NOISE + " closed now", GENERAL + " closed now"),
                    call(METRO, "water main, Sunday 03:00: the water desk never closes")
                            .about("water-main").at(SUNDAY, "03:00").goesTo(WATER),
                    call(METRO, "sewer, Wednesday 23:30")
                            .about("sewer").at(WEDNESDAY, "23:30").goesTo(WATER));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("metroDesks")
        void metroDesk_atTheEdgesOfItsHours_answersOrHandsOver(RouteCase row) {
            row.verify();
        }

        static Stream<RouteCase> gyeonggiDesks() {
            return Stream.of(
                    call(GYEONGGI, "goyang, Wednesday 08:59 Seoul time: the province answers")
                            .fromCity("goyang").at(WEDNESDAY, "08:59").goesTo(PROVINCE)
                            .because(cityDesk("goyang") + " closed now"),
                    call(GYEONGGI, "goyang, Wednesday 09:00: goyang's own desk")
                            .fromCity("goyang").at(WEDNESDAY, "09:00").goesTo(cityDesk("goyang")),
                    call(GYEONGGI, "goyang, Wednesday 17:59")
                            .fromCity("goyang").at(WEDNESDAY, "17:59").goesTo(cityDesk("goyang")),
                    call(GYEONGGI, "goyang, Wednesday 18:00: the city desk has closed")
                            .fromCity("goyang").at(WEDNESDAY, "18:00").goesTo(PROVINCE)
                            .because(cityDesk("goyang") + " closed now"),
                    call(GYEONGGI, "goyang, Saturday 10:00: city desks keep weekdays only")
                            .fromCity("goyang").at(SATURDAY, "10:00").goesTo(PROVINCE),
                    call(GYEONGGI, "no city yet, Sunday 03:00: the province desk is 24/7")
                            .at(SUNDAY, "03:00").goesTo(PROVINCE));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("gyeonggiDesks")
        void gyeonggiDesk_atTheEdgesOfItsHours_answersOrHandsToTheProvince(RouteCase row) {
            row.verify();
        }

        static Stream<RouteCase> sameInstantInTwoCenters() {
            return Stream.of(
                    call(METRO, "Wednesday 15:00 UTC is 10:00 in New York: the streets desk")
                            .about("pothole").atUtc("2026-11-18T15:00:00Z").goesTo(STREETS),
                    call(GYEONGGI, "Wednesday 15:00 UTC is midnight in Seoul: goyang's desk is closed")
                            .fromCity("goyang").atUtc("2026-11-18T15:00:00Z").goesTo(PROVINCE)
                            .because(cityDesk("goyang") + " closed now"),
                    call(METRO, "Thursday 01:00 UTC is Wednesday 20:00 in New York: the streets desk is closed")
                            .about("pothole").atUtc("2026-11-19T01:00:00Z").goesTo(GENERAL)
                            .because(STREETS + " closed now"),
                    call(GYEONGGI, "Thursday 01:00 UTC is Thursday 10:00 in Seoul: goyang's desk answers")
                            .fromCity("goyang").atUtc("2026-11-19T01:00:00Z").goesTo(cityDesk("goyang")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("sameInstantInTwoCenters")
        void sameInstant_inNewYorkAndSeoul_readsEachCentersOwnClock(RouteCase row) {
            row.verify();
        }
    }

    @Nested
    class Holidays {
        static Stream<RouteCase> rows() {
            return Stream.of(
                    call(METRO, "pothole, Thanksgiving 10:00: office and extended desks are closed")
                            .about("pothole").at(THANKSGIVING, "10:00").isClosed()
                            .because(STREETS + " closed now", GENERAL + " closed now"),
                    call(METRO, "no topic yet, Thanksgiving 10:00")
                            .at(THANKSGIVING, "10:00").isClosed().because(GENERAL + " closed now"),
                    call(METRO, "water main, Thanksgiving 10:00: the 24/7 water desk answers")
                            .about("water-main").at(THANKSGIVING, "10:00").goesTo(WATER).thenTries(),
                    call(METRO, "no topic yet, Thanksgiving 21:00 (already the 27th in UTC): still a holiday")
                            .atUtc("2026-11-27T02:00:00Z").isClosed().because(GENERAL + " closed now"),
                    call(METRO, "no topic yet, 21:30 the evening before (already the 26th in UTC): a working day")
                            .atUtc("2026-11-26T02:30:00Z").goesTo(GENERAL),
                    call(METRO, "noise, Christmas noon")
                            .about("noise").at(CHRISTMAS, "12:00").isClosed()
                            .because(NOISE + " closed now", GENERAL + " closed now"),
                    call(METRO, "pothole, Christmas 10:00 (a Friday)")
                            .about("pothole").at(CHRISTMAS, "10:00").isClosed(),
                    call(METRO, "sewer, Christmas noon: the 24/7 water desk answers")
                            .about("sewer").at(CHRISTMAS, "12:00").goesTo(WATER),
                    call(GYEONGGI, "goyang, Christmas 10:00: the 24/7 province answers")
                            .fromCity("goyang").at(CHRISTMAS, "10:00").goesTo(PROVINCE)
                            .because(cityDesk("goyang") + " closed now"),
                    call(GYEONGGI, "yongin, Children's Day 10:00: a Korean holiday")
                            .fromCity("yongin").at(CHILDRENS_DAY, "10:00").goesTo(PROVINCE)
                            .because(cityDesk("yongin") + " closed now"),
                    call(METRO, "pothole, Children's Day 10:00 New York time: an ordinary Tuesday here")
                            .about("pothole").at(CHILDRENS_DAY, "10:00").goesTo(STREETS),
                    call(GYEONGGI, "goyang, Thanksgiving 10:00 Seoul time: an ordinary Thursday there")
                            .fromCity("goyang").at(THANKSGIVING, "10:00").goesTo(cityDesk("goyang")),
                    call(HARBOR, "eastport, on Eastport's own holiday: its desk is closed, the general desk answers")
                            .fromCity("eastport").at(Centers.EASTPORT_DAY, "10:00").goesTo(HARBOR_GENERAL)
                            .because(EASTPORT + " closed now"),
                    call(HARBOR, "a permit, on Eastport's holiday: the rest of the city works")
                            .about("permit").at(Centers.EASTPORT_DAY, "10:00").goesTo(PERMITS));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("rows")
        void holiday_ofTheCentersOwnCalendar_closesAllButTheAlwaysOpenDesks(RouteCase row) {
            row.verify();
        }
    }

    /**
     * New York changes its clocks on Sunday 2026-03-08 (02:00 EST -> 03:00 EDT) and Sunday
     * 2026-11-01 (02:00 EDT -> 01:00 EST). Instants are given in UTC; a router that used a fixed
     * offset for New York gets at least one row of each pair wrong.
     */
    @Nested
    class DaylightSaving {
        static Stream<RouteCase> rows() {
            return Stream.of(
                    call(METRO, "pothole, Monday after spring forward, 08:30 EDT (12:30 UTC)")
                            .about("pothole").atUtc("2026-03-09T12:30:00Z").goesTo(STREETS),
                    call(METRO, "pothole, Monday after spring forward, 07:59 EDT (11:59 UTC)")
                            .about("pothole").atUtc("2026-03-09T11:59:00Z").goesTo(GENERAL)
                            .because(STREETS + " closed now"),
                    call(METRO, "pothole, Monday after fall back, 08:30 EST (13:30 UTC)")
                            .about("pothole").atUtc("2026-11-02T13:30:00Z").goesTo(STREETS),
                    call(METRO, "pothole, Monday after fall back, 07:59 EST (12:59 UTC)")
                            .about("pothole").atUtc("2026-11-02T12:59:00Z").goesTo(GENERAL)
                            .because(STREETS + " closed now"),

                    call(METRO, "no topic, spring-forward Sunday 01:59 EST, a minute before the skipped hour")
                            .atUtc("2026-03-08T06:59:00Z").isClosed(),
                    call(METRO, "no topic, spring-forward Sunday 03:00 EDT, the clock just skipped 02:00-03:00")
                            .atUtc("2026-03-08T07:00:00Z").isClosed(),
                    call(METRO, "water main, spring-forward Sunday 03:00 EDT: the water desk answers")
                            .about("water-main").atUtc("2026-03-08T07:00:00Z").goesTo(WATER).thenTries(),
                    call(METRO, "no topic, spring-forward Sunday 07:59 EDT (11:59 UTC)")
                            .atUtc("2026-03-08T11:59:00Z").isClosed(),
                    call(METRO, "no topic, spring-forward Sunday 08:00 EDT (12:00 UTC): weekend hours begin")
                            .atUtc("2026-03-08T12:00:00Z").goesTo(GENERAL),

                    call(METRO, "no topic, fall-back Sunday, the first 01:30 (EDT)")
                            .atUtc("2026-11-01T05:30:00Z").isClosed(),
                    call(METRO, "no topic, fall-back Sunday, the second 01:30 (EST)")
                            .atUtc("2026-11-01T06:30:00Z").isClosed(),
                    call(METRO, "sewer, fall-back Sunday, the first 01:30 (EDT)")
                            .about("sewer").atUtc("2026-11-01T05:30:00Z").goesTo(WATER),
                    call(METRO, "sewer, fall-back Sunday, the second 01:30 (EST)")
                            .about("sewer").atUtc("2026-11-01T06:30:00Z").goesTo(WATER),
                    call(METRO, "no topic, fall-back Sunday 07:59 EST (12:59 UTC)")
                            .atUtc("2026-11-01T12:59:00Z").isClosed(),
                    call(METRO, "no topic, fall-back Sunday 08:00 EST (13:00 UTC): weekend hours begin")
                            .atUtc("2026-11-01T13:00:00Z").goesTo(GENERAL),

                    call(GYEONGGI, "goyang, Monday 09:00 Seoul (00:00 UTC) after New York springs forward")
                            .fromCity("goyang").atUtc("2026-03-09T00:00:00Z").goesTo(cityDesk("goyang")),
                    call(GYEONGGI, "goyang, Monday 09:00 Seoul (00:00 UTC) after New York falls back")
                            .fromCity("goyang").atUtc("2026-11-02T00:00:00Z").goesTo(cityDesk("goyang")),
                    call(GYEONGGI, "goyang, Monday 08:59 Seoul (Sunday 23:59 UTC): Seoul has no DST")
                            .fromCity("goyang").atUtc("2026-03-08T23:59:00Z").goesTo(PROVINCE));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("rows")
        void utcInstant_aroundAClockChange_isReadInLocalTime(RouteCase row) {
            row.verify();
        }
    }

    @Nested
    class Overflow {
        static Stream<RouteCase> metro() {
            return Stream.of(
                    call(METRO, "pothole, nobody ready at the streets desk: the general desk")
                            .about("pothole").at(WEDNESDAY, "10:00").noAgentReadyIn(STREETS).goesTo(GENERAL)
                            .because("no agent ready in " + STREETS),
                    call(METRO, "pothole, 15 waiting at the streets desk (its max-waiting): the general desk")
                            .about("pothole").at(WEDNESDAY, "10:00").waitingIn(STREETS, 15).goesTo(GENERAL)
                            .because(STREETS + " has 15 or more callers waiting"),
                    call(METRO, "pothole, 14 waiting at the streets desk: still room")
                            .about("pothole").at(WEDNESDAY, "10:00").waitingIn(STREETS, 14).goesTo(STREETS),
                    call(METRO, "towed car, 10 waiting at the parking desk (its max-waiting)")
                            .about("towed-car").at(WEDNESDAY, "10:00").waitingIn(PARKING, 10).goesTo(GENERAL)
                            .because(PARKING + " has 10 or more callers waiting"),
                    call(METRO, "no topic, 500 waiting at the general desk, which sets no limit")
                            .at(WEDNESDAY, "10:00").waitingIn(GENERAL, 500).goesTo(GENERAL),
                    call(METRO, "pothole, nobody ready anywhere: waits at the streets desk")
                            .about("pothole").at(WEDNESDAY, "10:00").noAgentReadyIn(STREETS, GENERAL).goesTo(STREETS)
                            .because("every open desk is busy; waiting in " + STREETS),
                    call(METRO, "pothole, streets desk full and nobody ready at the general desk: waits at streets")
                            .about("pothole").at(WEDNESDAY, "10:00").waitingIn(STREETS, 15).noAgentReadyIn(GENERAL)
                            .goesTo(STREETS).because("every open desk is busy"),
                    call(METRO, "pothole, Wednesday 20:30, streets closed and the general desk busy: waits there")
                            .about("pothole").at(WEDNESDAY, "20:30").noAgentReadyIn(GENERAL).goesTo(GENERAL)
                            .because(STREETS + " closed now", "every open desk is busy; waiting in " + GENERAL),
                    call(METRO, "water main, Sunday 03:00, nobody ready: waits at the only open desk")
                            .about("water-main").at(SUNDAY, "03:00").noAgentReadyIn(WATER).goesTo(WATER)
                            .because(GENERAL + " closed now", "every open desk is busy"),
                    call(METRO, "pothole, Sunday 23:00: nothing is open")
                            .about("pothole").at(SUNDAY, "23:00").isClosed()
                            .because(STREETS + " closed now", GENERAL + " closed now"),
                    call(GYEONGGI, "goyang, nobody ready at goyang's desk: the province")
                            .fromCity("goyang").at(WEDNESDAY, "10:00").noAgentReadyIn(cityDesk("goyang"))
                            .goesTo(PROVINCE).because("no agent ready in " + cityDesk("goyang")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("metro")
        void busyDesk_inTheShippedCenters_handsTheCallAlongItsOverflow(RouteCase row) {
            row.verify();
        }

        /** permits -> licensing (mornings only) -> records -> general. */
        static Stream<RouteCase> chainOfThree() {
            return Stream.of(
                    call(HARBOR, "permit, nobody ready at permits: licensing")
                            .about("permit").at(WEDNESDAY, "10:00").noAgentReadyIn(PERMITS).goesTo(LICENSING)
                            .because("no agent ready in " + PERMITS),
                    call(HARBOR, "permit, 5 waiting at permits (its max-waiting): licensing")
                            .about("permit").at(WEDNESDAY, "10:00").waitingIn(PERMITS, 5).goesTo(LICENSING)
                            .because(PERMITS + " has 5 or more callers waiting"),
                    call(HARBOR, "permit, 14:00, permits busy and licensing closed for the afternoon: records")
                            .about("permit").at(WEDNESDAY, "14:00").noAgentReadyIn(PERMITS).goesTo(RECORDS)
                            .because(LICENSING + " closed now", "no agent ready in " + PERMITS),
                    call(HARBOR, "permit, permits and licensing busy: records")
                            .about("permit").at(WEDNESDAY, "10:00").noAgentReadyIn(PERMITS, LICENSING).goesTo(RECORDS),
                    call(HARBOR, "permit, permits, licensing and records busy: the general desk")
                            .about("permit").at(WEDNESDAY, "10:00").noAgentReadyIn(PERMITS, LICENSING, RECORDS)
                            .goesTo(HARBOR_GENERAL),
                    call(HARBOR, "permit, every desk busy: waits at permits")
                            .about("permit").at(WEDNESDAY, "10:00")
                            .noAgentReadyIn(PERMITS, LICENSING, RECORDS, HARBOR_GENERAL).goesTo(PERMITS)
                            .because("every open desk is busy; waiting in " + PERMITS),
                    call(HARBOR, "permit, 07:30: only the general desk is open")
                            .about("permit").at(WEDNESDAY, "07:30").goesTo(HARBOR_GENERAL)
                            .because(PERMITS + " closed now", LICENSING + " closed now", RECORDS + " closed now"),
                    call(HARBOR, "permit, 07:30, the general desk busy: waits there")
                            .about("permit").at(WEDNESDAY, "07:30").noAgentReadyIn(HARBOR_GENERAL)
                            .goesTo(HARBOR_GENERAL),
                    call(HARBOR, "permit, 23:00: every desk of the chain is closed and named")
                            .about("permit").at(WEDNESDAY, "23:00").isClosed()
                            .because(PERMITS + " closed now", LICENSING + " closed now", RECORDS + " closed now",
                                    HARBOR_GENERAL + " closed now"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("chainOfThree")
        void busyOrClosedDesk_inAChainOfThree_firstOpenDeskWithRoomTakesTheCall(RouteCase row) {
            row.verify();
        }
    }

    @Nested
    class Languages {
        static Stream<RouteCase> rows() {
            return Stream.of(
                    call(METRO, "Spanish caller, pothole: the streets desk speaks Spanish")
                            .speaking("es").about("pothole").at(WEDNESDAY, "10:00").goesTo(STREETS),
                    call(METRO, "Korean caller, pothole: the general desk, whose agents speak Korean")
                            .speaking("ko").about("pothole").at(WEDNESDAY, "10:00").goesTo(GENERAL)
                            .because(STREETS + " has no ko speakers -> " + GENERAL),
                    call(METRO, "Spanish caller, towed car: the parking desk speaks English only")
                            .speaking("es").about("towed-car").at(WEDNESDAY, "10:00").goesTo(GENERAL)
                            .because(PARKING + " has no es speakers"),
                    call(METRO, "Chinese caller, water main: the water desk speaks Chinese")
                            .speaking("zh").about("water-main").at(WEDNESDAY, "10:00").goesTo(WATER),
                    call(METRO, "Korean caller, no topic yet")
                            .speaking("ko").at(WEDNESDAY, "10:00").goesTo(GENERAL),
                    call(METRO, "Spanish caller, pothole, streets busy: the general desk speaks Spanish too")
                            .speaking("es").about("pothole").at(WEDNESDAY, "10:00").noAgentReadyIn(STREETS)
                            .goesTo(GENERAL),
                    call(METRO, "another language (8 at the language menu): the interpreter desk")
                            .askingForAnotherLanguage().at(WEDNESDAY, "10:00").goesTo(INTERPRETER).withInterpreter()
                            .because("another language -> " + INTERPRETER),
                    call(METRO, "another language, and a pothole: still the interpreter desk")
                            .askingForAnotherLanguage().about("pothole").at(WEDNESDAY, "10:00").goesTo(INTERPRETER)
                            .withInterpreter(),
                    call(METRO, "another language, nobody ready at the interpreter desk: waits there")
                            .askingForAnotherLanguage().at(WEDNESDAY, "10:00").noAgentReadyIn(INTERPRETER)
                            .goesTo(INTERPRETER).withInterpreter().thenTries(),
                    call(METRO, "another language, Wednesday 22:30: the interpreter desk has closed")
                            .askingForAnotherLanguage().at(WEDNESDAY, "22:30").isClosed()
                            .because(INTERPRETER + " closed now"),

                    call(HARBOR, "Vietnamese caller, permit: nobody in the center speaks it")
                            .speaking("vi").about("permit").at(WEDNESDAY, "10:00").goesTo(HARBOR_GENERAL)
                            .withInterpreter().because(PERMITS + " has no vi speakers", "interpreter needed for vi"),
                    call(HARBOR, "Vietnamese caller, no topic yet")
                            .speaking("vi").at(WEDNESDAY, "10:00").goesTo(HARBOR_GENERAL).withInterpreter(),
                    call(HARBOR, "Spanish caller, permit, permits busy: licensing, which speaks only English")
                            .speaking("es").about("permit").at(WEDNESDAY, "10:00").noAgentReadyIn(PERMITS)
                            .goesTo(LICENSING).withInterpreter().because("interpreter needed for es"),
                    call(HARBOR, "Spanish caller, permit, permits busy at 14:00: records, which speaks Spanish")
                            .speaking("es").about("permit").at(WEDNESDAY, "14:00").noAgentReadyIn(PERMITS)
                            .goesTo(RECORDS),
                    call(HARBOR, "another language")
                            .askingForAnotherLanguage().at(WEDNESDAY, "10:00").goesTo(HARBOR_INTERPRETER)
                            .withInterpreter(),

                    call(GYEONGGI, "English caller from goyang: the province, which speaks English")
                            .speaking("en").fromCity("goyang").at(WEDNESDAY, "10:00").goesTo(PROVINCE)
                            .because(cityDesk("goyang") + " has no en speakers -> " + PROVINCE),
                    call(GYEONGGI, "Vietnamese caller from paju")
                            .speaking("vi").fromCity("paju").at(WEDNESDAY, "10:00").goesTo(PROVINCE),
                    call(GYEONGGI, "Chinese caller from dongducheon")
                            .speaking("zh").fromCity("dongducheon").at(WEDNESDAY, "10:00").goesTo(PROVINCE),
                    call(GYEONGGI, "another language, Sunday 03:00: the interpreter desk is 24/7")
                            .askingForAnotherLanguage().at(SUNDAY, "03:00").goesTo(GYEONGGI_INTERPRETER)
                            .withInterpreter());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("rows")
        void callerLanguage_notSpokenAtTheDesk_goesToTheGeneralDeskOrAnInterpreter(RouteCase row) {
            row.verify();
        }

        @Test
        void koreanCaller_waterMainAtNight_reachesTheOpenWaterDeskWithAnInterpreter() {
            call(METRO, "Korean caller, water main, Sunday 03:00 (the general desk is closed)")
                    .speaking("ko").about("water-main").at(SUNDAY, "03:00").goesTo(WATER).withInterpreter()
                    .verify();
        }
    }

    @Nested
    class Priority911 {
        static Stream<RouteCase> rows() {
            return Stream.of(
                    call(METRO, "911 overflow, pothole: priority 10 from metro's priority entries")
                            .overflowedFrom911().about("pothole").at(WEDNESDAY, "10:00").goesTo(STREETS).withPriority(10)
                            .because("911 overflow: priority 10"),
                    call(METRO, "the same pothole dialled as 311: priority 0")
                            .about("pothole").at(WEDNESDAY, "10:00").goesTo(STREETS).withPriority(0),
                    call(METRO, "911 overflow, nobody ready at streets: priority survives the overflow")
                            .overflowedFrom911().about("pothole").at(WEDNESDAY, "10:00").noAgentReadyIn(STREETS)
                            .goesTo(GENERAL).withPriority(10),
                    call(METRO, "911 overflow, streets full")
                            .overflowedFrom911().about("pothole").at(WEDNESDAY, "10:00").waitingIn(STREETS, 15)
                            .goesTo(GENERAL).withPriority(10),
                    call(METRO, "911 overflow, pothole at 20:30 after the streets desk closed")
                            .overflowedFrom911().about("pothole").at(WEDNESDAY, "20:30").goesTo(GENERAL).withPriority(10),
                    call(METRO, "911 overflow, Korean caller")
                            .overflowedFrom911().speaking("ko").about("pothole").at(WEDNESDAY, "10:00")
                            .goesTo(GENERAL).withPriority(10),
                    call(METRO, "911 overflow, another language")
                            .overflowedFrom911().askingForAnotherLanguage().at(WEDNESDAY, "10:00")
                            .goesTo(INTERPRETER).withInterpreter().withPriority(10),
                    call(METRO, "911 overflow, water main, Sunday 03:00")
                            .overflowedFrom911().about("water-main").at(SUNDAY, "03:00").goesTo(WATER).withPriority(10),
                    call(METRO, "911 overflow, Sunday 23:00: closed all the same")
                            .overflowedFrom911().at(SUNDAY, "23:00").isClosed(),
                    call(GYEONGGI, "119 overflow from goyang")
                            .overflowedFrom911().fromCity("goyang").at(WEDNESDAY, "10:00").goesTo(cityDesk("goyang"))
                            .withPriority(10),
                    call(GYEONGGI, "119 overflow from goyang at 19:00: the province, still priority 10")
                            .overflowedFrom911().fromCity("goyang").at(WEDNESDAY, "19:00").goesTo(PROVINCE)
                            .withPriority(10),
                    call(HARBOR, "911 overflow, permit, two desks busy: the priority is the center's own")
                            .overflowedFrom911().about("permit").at(WEDNESDAY, "10:00")
                            .noAgentReadyIn(PERMITS, LICENSING).goesTo(RECORDS).withPriority(HARBOR_911_PRIORITY));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("rows")
        void callFrom911_anywhereItLands_keepsTheCentersPriority(RouteCase row) {
            row.verify();
        }
    }

    @Nested
    class GyeonggiCities {
        static Stream<RouteCase> withTheirOwnDesk() {
            return CITIES_WITH_A_DESK.stream().flatMap(city -> Stream.of(
                    call(GYEONGGI, city + ", Wednesday 10:00: its own desk")
                            .fromCity(city).at(WEDNESDAY, "10:00").goesTo(cityDesk(city)).thenTries(PROVINCE)
                            .because("city " + city + " -> " + cityDesk(city)),
                    call(GYEONGGI, city + ", Wednesday 18:00: its desk is closed, the province answers")
                            .fromCity(city).at(WEDNESDAY, "18:00").goesTo(PROVINCE).thenTries()
                            .because(cityDesk(city) + " closed now"),
                    call(GYEONGGI, city + ", Saturday 11:00")
                            .fromCity(city).at(SATURDAY, "11:00").goesTo(PROVINCE),
                    call(GYEONGGI, city + ", nobody ready at its desk")
                            .fromCity(city).at(WEDNESDAY, "10:00").noAgentReadyIn(cityDesk(city)).goesTo(PROVINCE)
                            .because("no agent ready in " + cityDesk(city)),
                    call(GYEONGGI, city + ", 10 already waiting at its desk")
                            .fromCity(city).at(WEDNESDAY, "10:00").waitingIn(cityDesk(city), 10).goesTo(PROVINCE)
                            .because(cityDesk(city) + " has 10 or more callers waiting"),
                    call(GYEONGGI, city + ", its desk and the province both busy: waits at its own desk")
                            .fromCity(city).at(WEDNESDAY, "10:00").noAgentReadyIn(cityDesk(city), PROVINCE)
                            .goesTo(cityDesk(city)).thenTries(PROVINCE)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("withTheirOwnDesk")
        void cityWithItsOwnDesk_inOfficeHours_answersItself_elseTheProvince(RouteCase row) {
            row.verify();
        }

        static Stream<RouteCase> servedByTheProvince() {
            return CITIES_SERVED_BY_THE_PROVINCE.stream().flatMap(city -> Stream.of(
                    call(GYEONGGI, city + ", Wednesday 10:00: the province")
                            .fromCity(city).at(WEDNESDAY, "10:00").goesTo(PROVINCE).thenTries()
                            .because("city " + city + " has no desk -> " + PROVINCE),
                    call(GYEONGGI, city + ", Sunday 03:00: the province")
                            .fromCity(city).at(SUNDAY, "03:00").goesTo(PROVINCE)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("servedByTheProvince")
        void cityWithoutADesk_atAnyHour_goesToTheProvince(RouteCase row) {
            row.verify();
        }

        static Stream<RouteCase> cityAndTopic() {
            return Stream.of(
                    call(GYEONGGI, "goyang, about a road: goyang's desk")
                            .fromCity("goyang").about("road").at(WEDNESDAY, "10:00").goesTo(cityDesk("goyang")),
                    call(GYEONGGI, "yeoju, about water: the province")
                            .fromCity("yeoju").about("water").at(WEDNESDAY, "10:00").goesTo(PROVINCE),
                    call(HARBOR, "eastport, about a permit: eastport's desk, not the permit desk")
                            .fromCity("eastport").about("permit").at(WEDNESDAY, "10:00").goesTo(EASTPORT)
                            .because("city eastport -> " + EASTPORT),
                    call(HARBOR, "eastport, about a permit, eastport busy: eastport's overflow, not the permit desk")
                            .fromCity("eastport").about("permit").at(WEDNESDAY, "10:00").noAgentReadyIn(EASTPORT)
                            .goesTo(HARBOR_GENERAL).thenTries(),
                    call(HARBOR, "westport (no desk of its own), about a permit: the permit desk")
                            .fromCity("westport").about("permit").at(WEDNESDAY, "10:00").goesTo(PERMITS)
                            .because("topic permit -> " + PERMITS));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cityAndTopic")
        void cityAndTopic_bothWithADesk_theCityDeskWins(RouteCase row) {
            row.verify();
        }
    }

    @Nested
    class Fallbacks {
        static Stream<RouteCase> rows() {
            return Stream.of(
                    call(METRO, "pothole: streets, then the general desk")
                            .about("pothole").at(WEDNESDAY, "10:00").goesTo(STREETS).thenTries(GENERAL),
                    call(METRO, "pothole, streets busy: the general desk, and the busy streets desk is not retried")
                            .about("pothole").at(WEDNESDAY, "10:00").noAgentReadyIn(STREETS).goesTo(GENERAL).thenTries(),
                    call(METRO, "no topic: the general desk, not listed a second time")
                            .at(WEDNESDAY, "10:00").goesTo(GENERAL).thenTries(),
                    call(METRO, "pothole, 20:30: the general desk, and no closed desk")
                            .about("pothole").at(WEDNESDAY, "20:30").goesTo(GENERAL).thenTries(),
                    call(METRO, "water main, Wednesday 10:00: water, then the general desk")
                            .about("water-main").at(WEDNESDAY, "10:00").goesTo(WATER).thenTries(GENERAL),
                    call(METRO, "water main, Sunday 03:00: water, and nothing else is open")
                            .about("water-main").at(SUNDAY, "03:00").goesTo(WATER).thenTries(),
                    call(METRO, "another language: the interpreter desk has no general-desk fallback")
                            .askingForAnotherLanguage().at(WEDNESDAY, "10:00").goesTo(INTERPRETER).withInterpreter()
                            .thenTries(),
                    call(HARBOR, "permit: the whole chain, in order")
                            .about("permit").at(WEDNESDAY, "10:00").goesTo(PERMITS)
                            .thenTries(LICENSING, RECORDS, HARBOR_GENERAL),
                    call(HARBOR, "permit, 14:00: licensing, closed for the afternoon, is skipped")
                            .about("permit").at(WEDNESDAY, "14:00").goesTo(PERMITS).thenTries(RECORDS, HARBOR_GENERAL),
                    call(HARBOR, "permit, permits busy: licensing, then what follows it")
                            .about("permit").at(WEDNESDAY, "10:00").noAgentReadyIn(PERMITS).goesTo(LICENSING)
                            .thenTries(RECORDS, HARBOR_GENERAL),
                    call(HARBOR, "permit, every desk busy: waits at permits, the rest of the chain after it")
                            .about("permit").at(WEDNESDAY, "10:00")
                            .noAgentReadyIn(PERMITS, LICENSING, RECORDS, HARBOR_GENERAL).goesTo(PERMITS)
                            .thenTries(LICENSING, RECORDS, HARBOR_GENERAL),
                    call(HARBOR, "ferry: north and south overflow into each other, each listed once")
                            .about("ferry").at(WEDNESDAY, "10:00").goesTo(NORTH_FERRY)
                            .thenTries(SOUTH_FERRY, HARBOR_GENERAL),
                    call(HARBOR, "ferry, north busy: south, then the general desk")
                            .about("ferry").at(WEDNESDAY, "10:00").noAgentReadyIn(NORTH_FERRY).goesTo(SOUTH_FERRY)
                            .thenTries(HARBOR_GENERAL),
                    call(GYEONGGI, "goyang: goyang's desk, then the province")
                            .fromCity("goyang").at(WEDNESDAY, "10:00").goesTo(cityDesk("goyang")).thenTries(PROVINCE));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("rows")
        void fallbacks_afterTheChosenQueue_areTheRemainingOpenDesksInOrder(RouteCase row) {
            row.verify();
        }
    }

    static Stream<RouteCase> everyRow() {
        return Stream.of(OpeningHours.metroDesks(), OpeningHours.gyeonggiDesks(),
                        OpeningHours.sameInstantInTwoCenters(), Holidays.rows(), DaylightSaving.rows(),
                        Overflow.metro(), Overflow.chainOfThree(), Languages.rows(), Priority911.rows(),
                        GyeonggiCities.withTheirOwnDesk(), GyeonggiCities.servedByTheProvince(),
                        GyeonggiCities.cityAndTopic(), Fallbacks.rows())
                .flatMap(s -> s);
    }

    /** What the flow relies on whatever the row: fallbacks are open now, distinct, and never the chosen queue. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRow")
    void anyRoute_fallbacks_areOpenDistinctAndNotTheChosenQueue(RouteCase row) {
        if (row.decide() instanceof RouteDecision.ToQueue q) {
            assertThat(q.fallbacks()).as(row.toString()).doesNotContain(q.queue()).doesNotHaveDuplicates()
                    .allSatisfy(f -> assertThat(Router.isOpen(row.center(), f, row.instant()))
                            .as("%s: fallback %s is open", row, f).isTrue());
            assertThat(Router.isOpen(row.center(), q.queue(), row.instant())).as("%s: chosen queue is open", row)
                    .isTrue();
        }
    }

    @Test
    void sameFacts_decidedTwice_giveTheSameDecision() {
        RouteCase row = call(HARBOR, "permit, permits busy").about("permit").at(WEDNESDAY, "10:00")
                .noAgentReadyIn(PERMITS);
        assertThat(row.decide()).isEqualTo(row.decide());
    }
}
