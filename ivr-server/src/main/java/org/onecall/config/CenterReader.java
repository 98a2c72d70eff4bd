package org.onecall.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.configuration2.YAMLConfiguration;
import org.onecall.config.Center.Asks;

/** Reads and validates one center file; every problem goes to the shared list. */
final class CenterReader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    // Prompt names and queue names travel inside AGI command lines: no spaces, quotes or line breaks.
    private static final Pattern PROMPT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_/.-]{0,199}");
    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}");
    private static final Pattern ENTRY = Pattern.compile("[A-Za-z0-9_+*#.-]{1,40}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    private static final Pattern KEY = Pattern.compile("[0-9*#]");
    private static final Pattern RANGE = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    /** The keys a center file takes; anything else is a typo worth refusing. */
    private static final List<Pattern> KNOWN = List.of(
            "id|name|timezone|scripts|numbers|languages|holidays|start|after-hours",
            "language-lines\\.[^.]+",
            "priority-entries\\.(scripts|numbers|priority|greeting)",
            "calendars\\.[^.]+(\\.[^.]+)?",
            "queues\\.[^.]+\\.(calendar|languages|overflow|max-waiting|holidays)",
            "routing\\.(general-queue|interpreter-queue|queue-timeout|when-busy)",
            "cities\\.[^.]+\\.(queue|prefixes)",
            "topics\\.[^.]+\\.(queue|whisper)",
            "prompts\\.(greeting|connecting|busy|goodbye|closed|invalid|no-input)",
            "emergency\\.(key|prompt)",
            "survey\\.(prompt|thanks)",
            "menus\\.[^.]+\\.(asks|prompt|timeout|tries|invalid|no-input|failure|next)",
            "menus\\.[^.]+\\.options\\.[^.]+(\\.to|\\.say\\.[^.]+)?",
            "collect\\.[^.]+\\.(prompt|digits|then)",
            "info\\.[^.]+\\.(prompt|say-digits|then)",
            "records\\.caller-number", "records\\.districts\\.[^.]+",
            "announcements\\.[^.]+\\.(prompt|topic|offer|skippable)",
            "admin-entry\\.(scripts|numbers|max-tries|lockout|max-recording)",
            "phone-admins\\.[^.]+\\.(name|pin-hash)",
            // Each spikes key is checked by SpikeSettings.read, which names the keys it takes.
            "spikes\\.[^.]+").stream().map(Pattern::compile).toList();
    private static final Pattern ADMIN_ID = Pattern.compile("[0-9]{1," + Center.PhoneAdmin.MAX_ID_DIGITS + "}");

    private final Path path;
    private final String file;
    private final List<Problem> problems;
    private final int problemsBefore;

    CenterReader(Path path, String file, List<Problem> problems) {
        this.path = path;
        this.file = file;
        this.problems = problems;
        this.problemsBefore = problems.size();
    }

    Optional<Center> read() {
        Optional<YAMLConfiguration> read = YamlFiles.read(path, file, problems);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YAMLConfiguration yaml = read.get();
        for (var it = yaml.getKeys(); it.hasNext(); ) {
            String key = it.next();
            if (key.matches("phone-admins\\.[^.]+\\.pin")) {
                // The value is not repeated here: it is a PIN in clear.
                problem(key, "a PIN never goes into a file in clear; remove it and give pin-hash, made with"
                        + " ./onecall pin-hash");
            } else if (key.matches("phone-admins\\.[^.]+\\.pin-sha256")) {
                problem(key, "is no longer taken: a fast hash of a few digits is reversed in a moment by anyone who"
                        + " reads this file; replace it with pin-hash, made with ./onecall pin-hash");
            } else if (KNOWN.stream().noneMatch(p -> p.matcher(key).matches())) {
                problem(key, "unknown key; the keys a center file takes are listed in config/centers/README.md");
            }
        }
        Tree root = Tree.root(yaml.getNodeModel().getNodeHandler().getRootNode());

        String id = required(root, "id", ID, "lower-case letters, digits and dashes, like metro-311");
        String expected = path.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (id != null && !id.equals(expected)) {
            problem("id", "'" + id + "' differs from the file name; name the file " + id + ".yaml");
        }
        String name = root.text("name").orElse(id);
        ZoneId zone = zone(root.text("timezone"));
        List<String> scripts = entries(root, "scripts");
        List<String> numbers = entries(root, "numbers");
        if (scripts.isEmpty() && numbers.isEmpty()) {
            problem("scripts", "neither scripts nor numbers are given, so no call can reach this center");
        }
        List<String> languages = languages(root);
        Map<String, String> lines = map(root, "language-lines", (key, t) -> {
            if (!DIGITS.matcher(key).matches()) {
                problem(t.key(), "'" + key + "' is not a phone number");
            }
            String lang = t.text().orElse("");
            if (!languages.contains(lang)) {
                problem(t.key(), "'" + lang + "' is not one of the center's languages " + languages);
            }
            return lang;
        });
        Center.PriorityEntries priority = root.child("priority-entries")
                .map(p -> new Center.PriorityEntries(entries(p, "scripts"), entries(p, "numbers"),
                        intIn(p, "priority", 10, 1, 100), p.text("greeting").map(g -> checkPrompt(p.path("greeting"), g))))
                .orElse(new Center.PriorityEntries(List.of(), List.of(), 10, Optional.empty()));

        Map<String, Calendar> calendars = map(root, "calendars", this::calendar);
        Set<LocalDate> holidays = dates(root, "holidays");
        Map<String, Center.QueueSpec> queues = map(root, "queues", (q, t) -> queue(q, t, languages));
        Center.Routing routing = routing(root);
        Map<String, Center.City> cities = map(root, "cities", (c, t) -> new Center.City(checkId(t.key(), c),
                optionalQueue(t, "queue"), entries(t, "prefixes")));
        Map<String, Center.Topic> topics = map(root, "topics", (topic, t) -> new Center.Topic(checkId(t.key(), topic),
                optionalQueue(t, "queue"), prompt(t, "whisper")));
        Tree prompts = root.child("prompts").orElse(root);
        Center.Prompts p = new Center.Prompts(prompt(prompts, "greeting"), prompt(prompts, "connecting"),
                prompt(prompts, "busy"), prompt(prompts, "goodbye"), prompt(prompts, "closed"),
                prompt(prompts, "invalid"), prompt(prompts, "no-input"));
        Optional<Center.Emergency> emergency = root.child("emergency").map(e -> new Center.Emergency(
                key(e, "key"), prompt(e, "prompt")));
        Optional<Center.Survey> survey = root.child("survey").map(s -> new Center.Survey(prompt(s, "prompt"),
                prompt(s, "thanks")));
        String start = required(root, "start", ID, "the id of the first menu, like language");
        String afterHours = required(root, "after-hours", ID, "the id of a self-service menu");
        Map<String, Center.Menu> menus = map(root, "menus", (m, t) -> menu(m, t, p));
        Map<String, Center.Collect> collects = map(root, "collect", (c, t) -> new Center.Collect(checkId(t.key(), c),
                prompt(t, "prompt"), intIn(t, "digits", 8, 1, 20), target(t, "then").orElse(new Target.Agent())));
        Map<String, Center.Info> infos = map(root, "info", (i, t) -> new Center.Info(checkId(t.key(), i),
                prompt(t, "prompt"), t.text("say-digits").map(d -> checkDigits(t.path("say-digits"), d)),
                target(t, "then").orElse(new Target.Goodbye())));

        Center.RecordPolicy records = records(root);
        Map<String, Center.AnnouncementSpec> announcements = map(root, "announcements", (a, t) ->
                new Center.AnnouncementSpec(checkId(t.key(), a), prompt(t, "prompt"), t.text("topic"),
                        t.text("offer").map(o -> checkPrompt(t.path("offer"), o)),
                        t.text("skippable").map(x -> x.equals("true")).orElse(true)));

        Optional<Center.AdminEntry> adminEntry = adminEntry(root, id, scripts, numbers, lines, priority,
                announcements);
        SpikeSettings spikes = spikes(root);

        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        Center center = new Center(id, name, zone, scripts, numbers, lines, priority, languages, calendars, holidays,
                queues, routing, cities, topics, p, emergency, survey, start, afterHours, menus, collects, infos,
                records, announcements, adminEntry, spikes, file);
        FlowGraph.check(center).forEach(m -> problem(m.key(), m.message()));
        return problems.size() > problemsBefore ? Optional.empty() : Optional.of(center);
    }

    // --- sections

    private List<String> languages(Tree root) {
        List<String> languages = root.list("languages");
        if (languages.isEmpty()) {
            problem("languages", "is missing; list the language codes this center serves, default first, like [en, es]");
        }
        for (String l : languages) {
            if (!LANGUAGE.matcher(l).matches()) {
                problem("languages", "'" + l + "' is not a language code; use ISO 639 codes such as en, es, ko, zh");
            }
        }
        if (new LinkedHashSet<>(languages).size() != languages.size()) {
            problem("languages", "lists a language twice");
        }
        return languages;
    }

    private Calendar calendar(String name, Tree t) {
        if (t.isLeaf()) {
            if (!t.text().orElse("").equals("24/7")) {
                problem(t.key(), "write \"24/7\", or days with hours like mon-fri: \"08:00-20:00\"");
            }
            return new Calendar(name, true, Map.of());
        }
        Map<DayOfWeek, List<Calendar.Range>> week = new EnumMap<>(DayOfWeek.class);
        t.entries().forEach((days, hours) -> {
            List<DayOfWeek> dayList = days(days);
            if (dayList.isEmpty()) {
                problem(hours.key(), "'" + days + "' is not a day or day range; write mon, sat-sun or mon-fri");
                return;
            }
            List<Calendar.Range> ranges = new ArrayList<>();
            for (String r : hours.text().orElse("").split(",")) {
                var m = RANGE.matcher(r.strip());
                try {
                    if (!m.matches()) {
                        throw new DateTimeException("format");
                    }
                    LocalTime from = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                    int endHour = Integer.parseInt(m.group(3));
                    LocalTime to = endHour == 24 ? LocalTime.MIDNIGHT : LocalTime.of(endHour, Integer.parseInt(m.group(4)));
                    if (!to.equals(LocalTime.MIDNIGHT) && !to.isAfter(from)) {
                        throw new DateTimeException("order");
                    }
                    ranges.add(new Calendar.Range(from, to));
                } catch (DateTimeException e) {
                    problem(hours.key(), "'" + r.strip() + "' is not a range of hours; write it like 08:00-20:00"
                            + " (end after start; 24:00 for midnight)");
                }
            }
            dayList.forEach(d -> week.merge(d, ranges, (a, b) -> {
                problem(hours.key(), "gives hours for " + d.toString().toLowerCase() + " a second time");
                return a;
            }));
        });
        return new Calendar(name, false, week);
    }

    private static List<DayOfWeek> days(String spec) {
        String[] ends = spec.split("-");
        int from = DAYS.indexOf(ends[0]);
        int to = ends.length == 2 ? DAYS.indexOf(ends[1]) : from;
        if (ends.length > 2 || from < 0 || to < from) {
            return List.of();
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            days.add(DayOfWeek.of(i + 1));
        }
        return days;
    }

    private Set<LocalDate> dates(Tree t, String key) {
        Set<LocalDate> dates = new LinkedHashSet<>();
        for (String d : t.list(key)) {
            try {
                dates.add(LocalDate.parse(d));
            } catch (DateTimeParseException e) {
                problem(t.path(key), "'" + d + "' is not a date; write it like 2026-12-25");
            }
        }
        return dates;
    }

    private Center.QueueSpec queue(String name, Tree t, List<String> languages) {
        checkQueueName(t.key(), name);
        String calendar = t.text("calendar").orElseGet(() -> {
            problem(t.path("calendar"), "is missing; name one of the center's calendars, or add a 24/7 one");
            return "";
        });
        List<String> speaks = t.list("languages");
        for (String l : speaks) {
            if (!languages.contains(l)) {
                problem(t.path("languages"), "'" + l + "' is not one of the center's languages " + languages);
            }
        }
        return new Center.QueueSpec(name, calendar, new LinkedHashSet<>(speaks), optionalQueue(t, "overflow"),
                intIn(t, "max-waiting", 0, 0, 10_000), dates(t, "holidays"));
    }

    private Center.Routing routing(Tree root) {
        Tree r = root.child("routing").orElse(root);
        String general = required(r, "general-queue", QUEUE, "the queue that takes calls with no topic yet");
        String interpreter = required(r, "interpreter-queue", QUEUE, "the queue with the interpretation line");
        checkQueueName(r.path("general-queue"), general);
        checkQueueName(r.path("interpreter-queue"), interpreter);
        return new Center.Routing(general, interpreter,
                duration(r, "queue-timeout", Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofHours(2)),
                target(r, "when-busy").orElse(new Target.Goodbye()));
    }

    private Center.Menu menu(String id, Tree t, Center.Prompts p) {
        checkId(t.key(), id);
        Asks asks = switch (t.text("asks").orElse("choice")) {
            case "language" -> Asks.LANGUAGE;
            case "city" -> Asks.CITY;
            case "choice" -> Asks.CHOICE;
            default -> {
                problem(t.path("asks"), "write language or city (or leave it out for an ordinary menu)");
                yield Asks.CHOICE;
            }
        };
        Map<Character, Center.Option> options = new LinkedHashMap<>();
        Tree opts = t.child("options").orElse(null);
        if (opts == null || opts.entries().isEmpty()) {
            problem(t.path("options"), "is missing; a menu needs at least one option");
        } else {
            opts.entries().forEach((key, o) -> {
                if (!KEY.matcher(key).matches()) {
                    problem(o.key(), "'" + key + "' is not a key; use one of 0-9, * and #");
                    return;
                }
                Optional<Target> target = o.isLeaf() ? target(o) : target(o, "to");
                Map<String, List<String>> phrases = new LinkedHashMap<>();
                o.child("say").ifPresent(say -> say.entries().forEach((lang, words) -> phrases.put(lang,
                        o.child("say").orElseThrow().list(lang))));
                target.ifPresent(x -> options.put(key.charAt(0), new Center.Option(key.charAt(0), x, phrases)));
            });
        }
        return new Center.Menu(id, asks, prompt(t, "prompt"), options,
                duration(t, "timeout", Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60)),
                intIn(t, "tries", 3, 1, 9),
                t.text("invalid").map(x -> checkPrompt(t.path("invalid"), x)).orElse(p.invalid()),
                t.text("no-input").map(x -> checkPrompt(t.path("no-input"), x)).orElse(p.noInput()),
                target(t, "failure").orElse(new Target.Agent()),
                t.text("next").map(n -> new Target.ToMenu(checkId(t.path("next"), n))));
    }

    private Optional<Center.AdminEntry> adminEntry(Tree root, String center, List<String> scripts,
                                                   List<String> numbers, Map<String, String> lines,
                                                   Center.PriorityEntries priority,
                                                   Map<String, Center.AnnouncementSpec> announcements) {
        Map<String, Center.PhoneAdmin> admins = map(root, "phone-admins", this::phoneAdmin);
        Optional<Tree> entry = root.child("admin-entry");
        if (entry.isEmpty()) {
            if (!admins.isEmpty()) {
                problem("admin-entry", "is missing, so the phone-admins cannot call in; add admin-entry with its"
                        + " scripts or numbers, or remove phone-admins");
            }
            return Optional.empty();
        }
        Tree e = entry.get();
        List<String> adminScripts = entries(e, "scripts");
        List<String> adminNumbers = entries(e, "numbers");
        if (adminScripts.isEmpty() && adminNumbers.isEmpty()) {
            problem(e.path("scripts"), "neither scripts nor numbers are given, so no administrator can call in;"
                    + " give a script like " + (center == null ? "311" : center) + "-admin");
        }
        // A caller must never land in the administrators' entry, nor an administrator in the menus.
        List<String> residents = Stream.of(scripts, numbers, List.copyOf(lines.keySet()), priority.scripts(),
                priority.numbers()).flatMap(List::stream).toList();
        for (String x : Stream.concat(adminScripts.stream(), adminNumbers.stream()).toList()) {
            if (residents.contains(x)) {
                problem(e.key(), "'" + x + "' already reaches this center's callers; the administrators' entry"
                        + " needs a script or number of its own");
            }
        }
        if (admins.isEmpty()) {
            problem("phone-admins", "is missing or empty, so nobody can sign in at admin-entry; add an"
                    + " administrator: an id (digits) with name and pin-hash");
        }
        if (announcements.isEmpty()) {
            problem(e.key(), "the center has no announcements for administrators to switch; add announcements"
                    + " or remove admin-entry");
        }
        return Optional.of(new Center.AdminEntry(adminScripts, adminNumbers, intIn(e, "max-tries", 3, 1, 10),
                duration(e, "lockout", Duration.ofMinutes(15), Duration.ofMinutes(1), Center.AdminEntry.MAX_LOCKOUT),
                duration(e, "max-recording", Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofMinutes(10)),
                admins));
    }

    private Center.PhoneAdmin phoneAdmin(String id, Tree t) {
        if (!ADMIN_ID.matcher(id).matches()) {
            problem(t.key(), "'" + id + "' is not an administrator id; use 1 to " + Center.PhoneAdmin.MAX_ID_DIGITS
                    + " digits, the number the administrator keys in (quote it: \"1001\")");
        }
        String name = t.text("name").filter(n -> !n.isBlank()).orElseGet(() -> {
            problem(t.path("name"), "is missing; the administrator's name, for the logs and the audit");
            return id;
        });
        String text = t.text("pin-hash").orElse("");
        Optional<PinHash> parsed = PinHash.parse(text);
        Optional<PinHash> hash = parsed.filter(h -> h.iterations() >= PinHash.MIN_ITERATIONS
                && h.iterations() <= PinHash.MAX_ITERATIONS);
        if (hash.isEmpty() && !t.text("pin-sha256").isPresent()) {
            // The value is not repeated: it may be a PIN typed where its hash belongs.
            String why = text.isEmpty() ? "is missing"
                    : parsed.isEmpty() ? "is not a pbkdf2-sha256$<iterations>$<salt>$<hash> PIN hash"
                    : parsed.get().iterations() < PinHash.MIN_ITERATIONS
                    ? "has fewer than " + PinHash.MIN_ITERATIONS + " iterations, too fast to slow a PIN thief"
                    : "has more than " + PinHash.MAX_ITERATIONS + " iterations: each check would take seconds";
            problem(t.path("pin-hash"), why + "; ./onecall pin-hash reads the PIN and prints one");
        }
        return new Center.PhoneAdmin(id, name, hash.orElse(PinHash.DECOY));
    }

    private Center.RecordPolicy records(Tree root) {
        Tree r = root.child("records").orElse(null);
        if (r == null) {
            return new Center.RecordPolicy(Center.CallerNumber.HASHED, Map.of());
        }
        Center.CallerNumber number = switch (r.text("caller-number").orElse("hashed")) {
            case "full" -> Center.CallerNumber.FULL;
            case "hashed" -> Center.CallerNumber.HASHED;
            case "truncated" -> Center.CallerNumber.TRUNCATED;
            default -> {
                problem(r.path("caller-number"), "write full, hashed or truncated");
                yield Center.CallerNumber.HASHED;
            }
        };
        Map<String, List<String>> districts = new LinkedHashMap<>();
        r.child("districts").ifPresent(d -> d.entries().forEach((district, t) -> {
            List<String> codes = d.list(district);
            for (String code : codes) {
                if (!DIGITS.matcher(code).matches()) {
                    problem(t.key(), "'" + code + "' is not a number prefix or ZIP code");
                }
            }
            districts.put(district, codes);
        }));
        return new Center.RecordPolicy(number, districts);
    }

    private SpikeSettings spikes(Tree root) {
        Tree t = root.child("spikes").orElse(null);
        if (t == null) {
            return SpikeSettings.DEFAULTS;
        }
        Map<String, String> values = new LinkedHashMap<>();
        t.entries().forEach((key, v) -> values.put(key, v.text().orElse("")));
        return SpikeSettings.read(values, SpikeSettings.DEFAULTS, file, "spikes.", problems);
    }

    // --- values

    private <T> Map<String, T> map(Tree root, String section, java.util.function.BiFunction<String, Tree, T> read) {
        Map<String, T> map = new LinkedHashMap<>();
        root.child(section).ifPresent(s -> s.entries().forEach((k, t) -> map.put(k, read.apply(k, t))));
        return map;
    }

    private Optional<Target> target(Tree t, String child) {
        return t.child(child).flatMap(this::target);
    }

    private Optional<Target> target(Tree t) {
        try {
            return Optional.of(Target.parse(t.text().orElse("")));
        } catch (IllegalArgumentException e) {
            problem(t.key(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> optionalQueue(Tree t, String child) {
        return t.text(child).filter(q -> checkQueueName(t.path(child), q));
    }

    private boolean checkQueueName(String key, String queue) {
        if (queue == null) {
            return false;
        }
        if (!QUEUE.matcher(queue).matches()) {
            problem(key, "'" + queue + "' is not a queue name; use letters, digits, '-', '_' and '.'");
            return false;
        }
        if (queue.equals("general")) {
            // queues.conf reserves [general] for global settings: such a queue cannot exist.
            problem(key, "'general' cannot be a queue (queues.conf reserves it); use a name like general-311");
            return false;
        }
        return true;
    }

    private String checkId(String key, String id) {
        if (!ID.matcher(id).matches()) {
            problem(key, "'" + id + "' is not an id; use lower-case letters, digits and dashes");
        }
        return id;
    }

    private String checkDigits(String key, String digits) {
        if (!DIGITS.matcher(digits).matches()) {
            problem(key, "'" + digits + "' is not a number to read out; digits only");
        }
        return digits;
    }

    private char key(Tree t, String child) {
        String k = t.text(child).orElse("");
        if (!KEY.matcher(k).matches()) {
            problem(t.path(child), "'" + k + "' is not a key; use one of 0-9, * and #");
            return '9';
        }
        return k.charAt(0);
    }

    private ZoneId zone(Optional<String> text) {
        if (text.isEmpty()) {
            problem("timezone", "is missing; give the center's time zone, like America/New_York or Asia/Seoul");
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(text.get());
        } catch (DateTimeException e) {
            problem("timezone", "'" + text.get() + "' is not a time zone; use a name like America/New_York or Asia/Seoul");
            return ZoneId.of("UTC");
        }
    }

    private List<String> entries(Tree t, String key) {
        List<String> list = t.list(key);
        for (String e : list) {
            if (!ENTRY.matcher(e).matches()) {
                problem(t.path(key), "'" + e + "' is not a script name or number; use digits, letters, '-', '_', '+', '*', '#'");
            }
        }
        return list;
    }

    private String prompt(Tree t, String key) {
        String p = required(t, key, PROMPT, "a sound name like onecall/metro-311/greeting");
        return p == null ? null : checkPrompt(t.path(key), p);
    }

    private String checkPrompt(String key, String p) {
        if (!PROMPT.matcher(p).matches()) {
            problem(key, "'" + p + "' is not valid; expected a sound name like onecall/metro-311/greeting");
        } else if (p.contains("..")) {
            problem(key, "'" + p + "' must not climb out of the sounds folder with '..'");
        }
        return p;
    }

    private String required(Tree t, String key, Pattern pattern, String fix) {
        Optional<String> v = t.text(key);
        if (v.isEmpty() || v.get().isBlank()) {
            problem(t.path(key), "is missing; expected " + fix);
            return null;
        }
        if (!pattern.matcher(v.get()).matches()) {
            problem(t.path(key), "'" + v.get() + "' is not valid; expected " + fix);
            return null;
        }
        return v.get();
    }

    private Duration duration(Tree t, String key, Duration dflt, Duration min, Duration max) {
        return bounded(t, key, dflt, Durations::parse, d -> d.compareTo(min) >= 0 && d.compareTo(max) <= 0,
                "a duration from " + Durations.format(min) + " to " + Durations.format(max) + ", like 5s or 2m");
    }

    private int intIn(Tree t, String key, int dflt, int min, int max) {
        return bounded(t, key, dflt, s -> Integer.parseInt(s.strip()), n -> n >= min && n <= max,
                "a whole number from " + min + " to " + max);
    }

    private <T> T bounded(Tree t, String key, T dflt, Function<String, T> parse, java.util.function.Predicate<T> ok,
                          String expected) {
        Optional<String> v = t.text(key);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            T value = parse.apply(v.get());
            if (ok.test(value)) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problem(t.path(key), "'" + v.get() + "' is not " + expected);
        return dflt;
    }

    private void problem(String key, String message) {
        problems.add(new Problem(file, key, message));
    }
}
