package org.onecall.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onecall.config.Calendar;
import org.onecall.config.Calendar.Range;

/** Hours.isOpen at the edges of a calendar: ranges, midnight, holidays, a 24/7 desk, clock changes. */
class HoursTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Set<LocalDate> THANKSGIVING = Set.of(LocalDate.of(2026, 11, 26));

    private static final Calendar ALWAYS = new Calendar("always", true, Map.of());
    /**
     * Mon, Wed, Thu 09:00-12:00 and 13:00-18:00 (closed for lunch); Friday 09:00-12:00 and 20:00-24:00;
     * Tuesday not listed; Saturday listed with no ranges; Sunday not listed.
     */
    private static final Calendar SPLIT = new Calendar("split", false, Map.of(
            DayOfWeek.MONDAY, List.of(range("09:00", "12:00"), range("13:00", "18:00")),
            DayOfWeek.WEDNESDAY, List.of(range("09:00", "12:00"), range("13:00", "18:00")),
            DayOfWeek.THURSDAY, List.of(range("09:00", "12:00"), range("13:00", "18:00")),
            DayOfWeek.FRIDAY, List.of(range("09:00", "12:00"), range("20:00", "00:00")),
            DayOfWeek.SATURDAY, List.of()));
    /** Sundays only: all day ("00:00-24:00"), or a night desk 01:00-03:00 that the clock changes reshape. */
    private static final Calendar SUNDAY_ALL_DAY = new Calendar("sunday", false, Map.of(
            DayOfWeek.SUNDAY, List.of(range("00:00", "00:00"))));
    private static final Calendar SUNDAY_NIGHTS = new Calendar("sunday-nights", false, Map.of(
            DayOfWeek.SUNDAY, List.of(range("01:00", "03:00"))));

    private static Range range(String from, String to) {
        return new Range(LocalTime.parse(from), LocalTime.parse(to));
    }

    /** 2026-11-18 is a Wednesday, 2026-11-20 a Friday, 2026-11-21 a Saturday, 2026-11-22 a Sunday. */
    static Stream<Arguments> localTimes() {
        return Stream.of(
                argumentSet("24/7, Thanksgiving 03:00: open on a holiday", ALWAYS, "2026-11-26T03:00", true),
                argumentSet("24/7, Sunday 23:59:59", ALWAYS, "2026-11-22T23:59:59", true),
                argumentSet("two ranges, 08:59:59 before the first", SPLIT, "2026-11-18T08:59:59", false),
                argumentSet("two ranges, 09:00 opens", SPLIT, "2026-11-18T09:00", true),
                argumentSet("two ranges, 11:59:59 end of the morning", SPLIT, "2026-11-18T11:59:59", true),
                argumentSet("two ranges, 12:00 lunch: the end is exclusive", SPLIT, "2026-11-18T12:00", false),
                argumentSet("two ranges, 12:59 still lunch", SPLIT, "2026-11-18T12:59", false),
                argumentSet("two ranges, 13:00 back from lunch", SPLIT, "2026-11-18T13:00", true),
                argumentSet("two ranges, 17:59:59.999999999 the last instant", SPLIT, "2026-11-18T17:59:59.999999999", true),
                argumentSet("two ranges, 18:00 closed", SPLIT, "2026-11-18T18:00", false),
                argumentSet("two ranges, Thanksgiving 10:00: a holiday", SPLIT, "2026-11-26T10:00", false),
                argumentSet("a day without hours (Tuesday is not listed), 10:00", SPLIT, "2026-11-17T10:00", false),
                argumentSet("a day listed with no ranges (Saturday), 10:00", SPLIT, "2026-11-21T10:00", false),
                argumentSet("Sunday, not listed at all, noon", SPLIT, "2026-11-22T12:00", false),
                argumentSet("to 24:00 (written 00:00), Friday 19:59", SPLIT, "2026-11-20T19:59", false),
                argumentSet("to 24:00 (written 00:00), Friday 20:00", SPLIT, "2026-11-20T20:00", true),
                argumentSet("to 24:00 (written 00:00), Friday 23:59:59.999999999", SPLIT,
                        "2026-11-20T23:59:59.999999999", true),
                argumentSet("to 24:00 (written 00:00), Saturday 00:00: the range has ended", SPLIT,
                        "2026-11-21T00:00", false),
                argumentSet("to 24:00 (written 00:00), Friday 10:00: the morning range still counts", SPLIT,
                        "2026-11-20T10:00", true),
                argumentSet("00:00-24:00, Sunday 00:00", SUNDAY_ALL_DAY, "2026-11-22T00:00", true),
                argumentSet("00:00-24:00, Sunday 23:59:59", SUNDAY_ALL_DAY, "2026-11-22T23:59:59", true),
                argumentSet("00:00-24:00, Monday 00:00", SUNDAY_ALL_DAY, "2026-11-23T00:00", false),
                argumentSet("00:00-24:00, Saturday 23:59:59", SUNDAY_ALL_DAY, "2026-11-21T23:59:59", false));
    }

    @ParameterizedTest
    @MethodSource("localTimes")
    void calendar_atALocalTime_isOpenOnlyInsideARange(Calendar calendar, String local, boolean open) {
        Instant now = LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
        assertThat(Hours.isOpen(calendar, THANKSGIVING, NEW_YORK, now)).isEqualTo(open);
    }

    /** Instants around New York's clock changes and its holidays, which the zone, not UTC, decides. */
    static Stream<Arguments> instants() {
        return Stream.of(
                argumentSet("01:00-03:00, spring-forward Sunday 00:59 EST", SUNDAY_NIGHTS,
                        "2026-03-08T05:59:00Z", false),
                argumentSet("01:00-03:00, spring-forward Sunday 01:30 EST", SUNDAY_NIGHTS,
                        "2026-03-08T06:30:00Z", true),
                argumentSet("01:00-03:00, spring-forward Sunday 03:00 EDT: 02:00-03:00 never came", SUNDAY_NIGHTS,
                        "2026-03-08T07:00:00Z", false),
                argumentSet("01:00-03:00, fall-back Sunday 00:59 EDT", SUNDAY_NIGHTS,
                        "2026-11-01T04:59:00Z", false),
                argumentSet("01:00-03:00, fall-back Sunday, the first 01:30 (EDT)", SUNDAY_NIGHTS,
                        "2026-11-01T05:30:00Z", true),
                argumentSet("01:00-03:00, fall-back Sunday, the second 01:30 (EST)", SUNDAY_NIGHTS,
                        "2026-11-01T06:30:00Z", true),
                argumentSet("01:00-03:00, fall-back Sunday 02:59 EST", SUNDAY_NIGHTS,
                        "2026-11-01T07:59:00Z", true),
                argumentSet("01:00-03:00, fall-back Sunday 03:00 EST: three hours after it opened", SUNDAY_NIGHTS,
                        "2026-11-01T08:00:00Z", false),
                argumentSet("00:00-24:00 on spring-forward Sunday, 23:59 EDT: the day is an hour short", SUNDAY_ALL_DAY,
                        "2026-03-09T03:59:00Z", true),
                argumentSet("00:00-24:00 on fall-back Sunday, the second 01:30 (EST)", SUNDAY_ALL_DAY,
                        "2026-11-01T06:30:00Z", true),
                argumentSet("00:00-24:00 on fall-back Sunday, 00:00 EST Monday: over", SUNDAY_ALL_DAY,
                        "2026-11-02T05:00:00Z", false),
                argumentSet("two ranges, Thanksgiving 13:00 EST (18:00 UTC): a holiday", SPLIT,
                        "2026-11-26T18:00:00Z", false),
                argumentSet("24/7, Thanksgiving 13:00 EST: a 24/7 desk ignores holidays", ALWAYS,
                        "2026-11-26T18:00:00Z", true));
    }

    @ParameterizedTest
    @MethodSource("instants")
    void calendar_atAnInstant_isReadInTheCentersZone(Calendar calendar, String instant, boolean open) {
        assertThat(Hours.isOpen(calendar, THANKSGIVING, NEW_YORK, Instant.parse(instant))).isEqualTo(open);
    }

    @Test
    void holiday_eveningInNewYork_isJudgedByTheLocalDateNotUtc() {
        // 21:00 on Thanksgiving in New York is already 27 November in UTC.
        Calendar evenings = new Calendar("evenings", false, Map.of(DayOfWeek.THURSDAY, List.of(range("18:00", "00:00")),
                DayOfWeek.WEDNESDAY, List.of(range("18:00", "00:00"))));
        assertThat(Hours.isOpen(evenings, THANKSGIVING, NEW_YORK, Instant.parse("2026-11-27T02:00:00Z"))).isFalse();
        // 21:00 the evening before is already 26 November in UTC, but a working day in New York.
        assertThat(Hours.isOpen(evenings, THANKSGIVING, NEW_YORK, Instant.parse("2026-11-26T02:00:00Z"))).isTrue();
    }
}
