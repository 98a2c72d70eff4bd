package org.onecall.routing;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onecall.config.Calendar;
import org.onecall.config.Center;
import org.onecall.config.ConfigException;
import org.onecall.config.ConfigLoader;
import org.onecall.config.OneCallConfig;
import org.onecall.config.SpikeSettings;

/**
 * The centers the routing tables call: the two shipped ones, loaded once from config/, and
 * Harbor City, made up here for what the shipped files cannot show.
 */
final class Centers {
    static final Center METRO;
    static final Center GYEONGGI;

    static {
        try {
            OneCallConfig config = new ConfigLoader(Path.of("config"), Map.of(), Map.of()).load();
            METRO = config.center("metro-311").orElseThrow();
            GYEONGGI = config.center("gyeonggi-120").orElseThrow();
        } catch (ConfigException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Metro City 311's desks.
    static final String SANITATION = "metro-311-sanitation";
    static final String STREETS = "metro-311-streets";
    static final String PARKING = "metro-311-parking";
    static final String NOISE = "metro-311-noise";
    static final String WATER = "metro-311-water";
    static final String GENERAL = "metro-311-general";
    static final String INTERPRETER = "metro-311-interpreter";

    // Gyeonggi 120's desks.
    static final String PROVINCE = "gyeonggi-120-province";
    static final String GYEONGGI_INTERPRETER = "gyeonggi-120-interpreter";
    static final List<String> CITIES_WITH_A_DESK = List.of("goyang", "yongin", "uijeongbu", "paju", "gwangju", "icheon");
    static final List<String> CITIES_SERVED_BY_THE_PROVINCE = List.of("dongducheon", "yeoju", "yeoncheon");

    static String cityDesk(String city) {
        return "gyeonggi-120-" + city;
    }

    // Days of 2026, local to whichever center is called.
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 18);
    static final LocalDate SATURDAY = LocalDate.of(2026, 11, 21);
    static final LocalDate SUNDAY = LocalDate.of(2026, 11, 22);
    static final LocalDate THANKSGIVING = LocalDate.of(2026, 11, 26);
    static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);
    /** Children's Day: a holiday in Korea, an ordinary Tuesday in New York. */
    static final LocalDate CHILDRENS_DAY = LocalDate.of(2026, 5, 5);

    /*
     * Harbor City 311 (made up, New York time). Its permit desk overflows along a chain of three
     * desks, licensing keeps mornings only, nobody speaks Vietnamese, ferry desks overflow into each
     * other, one city has its own desk, and a 911 overflow call gets priority 7.
     *
     *   permits (office, en es, max 5) -> licensing (mornings, en, max 5) -> records (office, en es, max 5)
     *   -> general (07-22 every day, en es)
     */
    static final String PERMITS = "harbor-permits";
    static final String LICENSING = "harbor-licensing";
    static final String RECORDS = "harbor-records";
    static final String HARBOR_GENERAL = "harbor-general";
    static final String HARBOR_INTERPRETER = "harbor-interpreter";
    static final String NORTH_FERRY = "harbor-north-ferry";
    static final String SOUTH_FERRY = "harbor-south-ferry";
    static final String EASTPORT = "harbor-eastport";
    static final int HARBOR_911_PRIORITY = 7;
    /** Eastport's own holiday (a Friday): its desk is closed, the rest of Harbor City works. */
    static final LocalDate EASTPORT_DAY = LocalDate.of(2026, 11, 20);

    static final Center HARBOR = harbor();

    private Centers() {
    }

    private static Center harbor() {
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        Map<String, Calendar> calendars = Map.of(
                "office", calendar("office", weekdays, "08:00", "17:00"),
                "mornings", calendar("mornings", weekdays, "08:00", "12:00"),
                "extended", calendar("extended", EnumSet.allOf(DayOfWeek.class), "07:00", "22:00"));
        Map<String, Center.QueueSpec> queues = Map.of(
                PERMITS, desk(PERMITS, "office", Set.of("en", "es"), LICENSING, 5),
                LICENSING, desk(LICENSING, "mornings", Set.of("en"), RECORDS, 5),
                RECORDS, desk(RECORDS, "office", Set.of("en", "es"), null, 5),
                HARBOR_GENERAL, desk(HARBOR_GENERAL, "extended", Set.of("en", "es"), null, 0),
                HARBOR_INTERPRETER, desk(HARBOR_INTERPRETER, "extended", Set.of(), null, 0),
                NORTH_FERRY, desk(NORTH_FERRY, "office", Set.of("en", "es"), SOUTH_FERRY, 5),
                SOUTH_FERRY, desk(SOUTH_FERRY, "office", Set.of("en", "es"), NORTH_FERRY, 5),
                EASTPORT, desk(EASTPORT, "office", Set.of("en", "es"), HARBOR_GENERAL, 5, EASTPORT_DAY));
        Map<String, Center.City> cities = Map.of(
                "eastport", new Center.City("eastport", Optional.of(EASTPORT), List.of()),
                "westport", new Center.City("westport", Optional.empty(), List.of()));
        Map<String, Center.Topic> topics = Map.of(
                "permit", new Center.Topic("permit", Optional.of(PERMITS), "onecall/topic/permit"),
                "ferry", new Center.Topic("ferry", Optional.of(NORTH_FERRY), "onecall/topic/ferry"),
                "general", new Center.Topic("general", Optional.empty(), "onecall/topic/general"));
        Center.Prompts prompts = new Center.Prompts("onecall/harbor/greeting", "onecall/connecting",
                "onecall/all-agents-busy", "onecall/goodbye", "onecall/harbor/closed", "onecall/invalid-choice",
                "onecall/no-input");
        return new Center("harbor-311", "Harbor City 311", ZoneId.of("America/New_York"), List.of("harbor-311"),
                List.of(), Map.of(), new Center.PriorityEntries(List.of("harbor-911"), List.of(), HARBOR_911_PRIORITY, Optional.empty()),
                List.of("en", "es", "vi"), calendars, Set.of(), queues,
                new Center.Routing(HARBOR_GENERAL, HARBOR_INTERPRETER, Duration.ofMinutes(5), new org.onecall.config.Target.Goodbye()), cities, topics,
                prompts, Optional.empty(), Optional.empty(), "main", "main", Map.of(), Map.of(), Map.of(),
                new Center.RecordPolicy(Center.CallerNumber.HASHED, Map.of()), Map.of(), Optional.empty(),
                SpikeSettings.DEFAULTS, "harbor-311.yaml");
    }

    private static Calendar calendar(String name, Set<DayOfWeek> days, String from, String to) {
        Map<DayOfWeek, List<Calendar.Range>> week = new EnumMap<>(DayOfWeek.class);
        days.forEach(d -> week.put(d, List.of(new Calendar.Range(LocalTime.parse(from), LocalTime.parse(to)))));
        return new Calendar(name, false, week);
    }

    private static Center.QueueSpec desk(String name, String calendar, Set<String> languages, String overflow,
                                         int maxWaiting, LocalDate... ownHolidays) {
        return new Center.QueueSpec(name, calendar, languages, Optional.ofNullable(overflow), maxWaiting,
                Set.of(ownHolidays));
    }
}
