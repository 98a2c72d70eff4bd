package org.onecall.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One municipality's call center as its file in config/centers/ describes it: how calls reach it,
 * its languages, desks (queues) and their hours, topics, cities and menus.
 *
 * @param scripts       AGI script paths that reach it (agi://onecall:4573/311 has script "311")
 * @param numbers       dialed numbers (agi_dnid or agi_extension) that reach it
 * @param languageLines dialed numbers that are a language's own line: no language menu
 * @param languages     the languages it serves; the first is the default
 * @param holidays      days every calendar but a 24/7 one is closed
 * @param start         the first menu after the greeting
 * @param afterHours    the menu a caller reaches when the desk they need is closed
 * @param adminEntry    the administrators' phone entry, if the center has one
 * @param spikes        when call volume counts as a spike that starts an announcement by itself
 */
public record Center(String id, String name, ZoneId timezone, List<String> scripts, List<String> numbers,
                     Map<String, String> languageLines, PriorityEntries priority, List<String> languages,
                     Map<String, Calendar> calendars, Set<LocalDate> holidays, Map<String, QueueSpec> queues,
                     Routing routing, Map<String, City> cities, Map<String, Topic> topics, Prompts prompts,
                     Optional<Emergency> emergency, Optional<Survey> survey, String start, String afterHours,
                     Map<String, Menu> menus, Map<String, Collect> collects, Map<String, Info> infos,
                     RecordPolicy records, Map<String, AnnouncementSpec> announcements,
                     Optional<AdminEntry> adminEntry, SpikeSettings spikes, String file) {
    public Center {
        scripts = List.copyOf(scripts);
        numbers = List.copyOf(numbers);
        languageLines = Map.copyOf(languageLines);
        languages = List.copyOf(languages);
        calendars = Map.copyOf(calendars);
        holidays = Set.copyOf(holidays);
        queues = Map.copyOf(queues);
        cities = Map.copyOf(cities);
        topics = Map.copyOf(topics);
        menus = Map.copyOf(menus);
        collects = Map.copyOf(collects);
        infos = Map.copyOf(infos);
        announcements = Map.copyOf(announcements);
    }

    public String defaultLanguage() {
        return languages.getFirst();
    }

    /** AGI scripts that reach this center: its own and its 911 overflow entry's. */
    public List<String> allScripts() {
        return java.util.stream.Stream.concat(scripts.stream(), priority.scripts().stream()).distinct().toList();
    }

    /** Dialed numbers that reach this center: its own, its language lines, its 911 overflow entry's. */
    public List<String> allNumbers() {
        return java.util.stream.Stream.of(numbers.stream(), languageLines.keySet().stream().sorted(),
                priority.numbers().stream()).flatMap(s -> s).distinct().toList();
    }

    /**
     * An emergency announcement callers hear right after the greeting while it is active.
     *
     * @param topic     what it is about; a spike on this topic starts it when armed. None: the
     *                  general "high call volume" announcement, for spikes overall
     * @param offer     while it plays, this prompt offers its topic first ("about the snow, press 1")
     * @param skippable a key skips it
     */
    public record AnnouncementSpec(String id, String prompt, Optional<String> topic, Optional<String> offer,
                                   boolean skippable) {
    }

    /**
     * The administrators' phone entry: its own AGI scripts or numbers, where an administrator keys
     * in an id and a PIN, then switches announcements or records a new message for one.
     *
     * @param maxTries     wrong tries allowed on one call, and within {@code lockout} for one id or
     *                     one caller number before it is locked
     * @param lockout      how long an id or a caller number stays locked
     * @param maxRecording the longest message an administrator can record
     * @param admins       administrator id -> administrator
     */
    public record AdminEntry(List<String> scripts, List<String> numbers, int maxTries, Duration lockout,
                             Duration maxRecording, Map<String, PhoneAdmin> admins) {
        /** The longest lockout a center may set: wrong tries older than this never count again. */
        public static final Duration MAX_LOCKOUT = Duration.ofHours(24);

        public AdminEntry {
            scripts = List.copyOf(scripts);
            numbers = List.copyOf(numbers);
            admins = Map.copyOf(admins);
        }
    }

    /**
     * An administrator who may sign in by phone. Only a salted, slow hash of the PIN is kept
     * ({@link PinHash}); {@code ./onecall pin-hash} makes one.
     */
    public record PhoneAdmin(String id, String name, PinHash pin) {
        /** The digits an administrator keys in: an id of up to 10, a PIN of 4 to 12. */
        public static final int MAX_ID_DIGITS = 10;
        public static final int MIN_PIN_DIGITS = 4;
        public static final int MAX_PIN_DIGITS = 12;

        @Override
        public String toString() {
            return "PhoneAdmin[id=" + id + ", name=" + name + "]";
        }
    }

    /** How the caller's number is kept in the call record ({@link CallerNumberHash} for HASHED). */
    public enum CallerNumber {
        FULL, HASHED, TRUNCATED
    }

    /**
     * What goes into call records.
     *
     * @param districts district -> caller number prefixes and ZIP codes that place a call there
     */
    public record RecordPolicy(CallerNumber callerNumber, Map<String, List<String>> districts) {
        public RecordPolicy {
            districts = Map.copyOf(districts);
        }
    }

    /**
     * Calls that overflow from 911 arrive on these entries and get this queue priority. Their greeting
     * replaces the center's, whose "if this is an emergency, hang up and dial 911" would send them back.
     */
    public record PriorityEntries(List<String> scripts, List<String> numbers, int priority,
                                  Optional<String> greeting) {
        public PriorityEntries {
            scripts = List.copyOf(scripts);
            numbers = List.copyOf(numbers);
        }
    }

    /**
     * A desk: an Asterisk queue with its hours and the languages its agents speak.
     *
     * @param overflow   where callers go when nobody here is ready or too many wait
     * @param maxWaiting callers waiting at which the overflow takes over; 0 means no limit
     */
    /** @param holidays the desk's own closed days, on top of the center's (a city's own holidays, say) */
    public record QueueSpec(String name, String calendar, Set<String> languages, Optional<String> overflow,
                            int maxWaiting, Set<LocalDate> holidays) {
        public QueueSpec {
            languages = Set.copyOf(languages);
            holidays = Set.copyOf(holidays);
        }
    }

    /**
     * @param generalQueue     a person, when no topic is known; also where interpreters join
     * @param interpreterQueue the path for callers whose language the center does not serve
     */
    /**
     * @param whenBusy where a caller goes after every desk tried was unavailable and they heard the busy
     *                 message: a goodbye (the default), a message, or a self-service menu; never a queue again
     */
    public record Routing(String generalQueue, String interpreterQueue, Duration queueTimeout, Target whenBusy) {
    }

    /** A city of a shared center: its own desk, or the center's general one; number prefixes that place a caller. */
    public record City(String id, Optional<String> queue, List<String> prefixes) {
        public City {
            prefixes = List.copyOf(prefixes);
        }
    }

    /** What a caller calls about; the whisper tells the agent before the call connects. */
    public record Topic(String id, Optional<String> queue, String whisper) {
    }

    public record Prompts(String greeting, String connecting, String busy, String goodbye, String closed,
                          String invalid, String noInput) {
    }

    /** A key that, at any menu, hands the caller back to the dialplan for the emergency number. */
    public record Emergency(char key, String prompt) {
    }

    public record Survey(String prompt, String thanks) {
    }

    /** What a menu asks for when it sets call facts; such a menu is skipped when the fact is known. */
    public enum Asks {
        LANGUAGE, CITY, CHOICE
    }

    /**
     * A menu: a prompt, options by key, and what happens after the last try.
     *
     * @param next where language and city choices continue
     */
    public record Menu(String id, Asks asks, String prompt, Map<Character, Option> options, Duration timeout,
                       int tries, String invalid, String noInput, Target failure, Optional<Target> next) {
        /** At every menu '*' repeats it and '0' reaches a person: no option may take them. */
        public static final char REPEAT = '*';
        public static final char PERSON = '0';

        public Menu {
            options = Map.copyOf(options);
        }
    }

    /** A menu choice: its key, where it leads, and the phrases a caller may say for it, per language. */
    public record Option(char key, Target target, Map<String, List<String>> phrases) {
        public Option {
            phrases = Map.copyOf(phrases);
        }
    }

    /** Collects digits (a service request number) for the agent, then goes on. */
    public record Collect(String id, String prompt, int digits, Target then) {
    }

    /** A self-service message, a number read out after it if any, then where to go. */
    public record Info(String id, String prompt, Optional<String> sayDigits, Target then) {
    }
}
