package org.onecall.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;

/** Reads and validates one center file; every problem goes to the shared list. */
final class CenterReader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    // Prompt names and queue names travel inside AGI command lines: no spaces, quotes or line breaks.
    private static final Pattern PROMPT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_/.-]{0,199}");
    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}");
    private static final Pattern ENTRY = Pattern.compile("[A-Za-z0-9_+*#.-]{1,40}");
    private static final Set<String> KEYS = Set.of("id", "name", "timezone", "scripts", "numbers", "languages",
            "prompts.greeting", "prompts.connecting", "prompts.busy", "language-menu.prompt",
            "language-menu.timeout", "language-menu.tries", "language-menu.invalid", "language-menu.no-input",
            "fallback-queue", "queue-timeout");
    private static final List<String> OPEN_SECTIONS = List.of("language-menu.options.", "queues.");

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
        YAMLConfiguration yaml;
        try {
            yaml = new FileBasedConfigurationBuilder<>(YAMLConfiguration.class)
                    .configure(new Parameters().fileBased().setFile(path.toFile()))
                    .getConfiguration();
        } catch (ConfigurationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problem("", "is not valid YAML: " + cause.getMessage().replace('\n', ' '));
            return Optional.empty();
        }
        for (Iterator<String> it = yaml.getKeys(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key) && OPEN_SECTIONS.stream().noneMatch(key::startsWith)) {
                problem(key, "unknown key; the keys a center file takes are listed in config/centers/README.md");
            }
        }

        String id = required(yaml, "id", ID, "lower-case letters, digits and dashes, like metro-311");
        String expected = path.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (id != null && !id.equals(expected)) {
            problem("id", "'" + id + "' differs from the file name; name the file " + id + ".yaml");
        }
        String name = Optional.ofNullable(yaml.getString("name")).orElse(id);
        ZoneId zone = zone(yaml.getString("timezone"));
        List<String> scripts = entries(yaml, "scripts");
        List<String> numbers = entries(yaml, "numbers");
        if (scripts.isEmpty() && numbers.isEmpty()) {
            problem("scripts", "neither scripts nor numbers are given, so no call can reach this center");
        }
        List<String> languages = languages(yaml);

        Center.Prompts prompts = new Center.Prompts(
                prompt(yaml, "prompts.greeting"), prompt(yaml, "prompts.connecting"), prompt(yaml, "prompts.busy"));
        Center.LanguageMenu menu = languageMenu(yaml, languages);
        Map<String, String> queues = queues(yaml, languages);
        String fallback = required(yaml, "fallback-queue", QUEUE, "a queue name from queues.conf");
        checkQueueName("fallback-queue", fallback);
        Duration queueTimeout = duration(yaml, "queue-timeout", Duration.ofMinutes(5),
                Duration.ofSeconds(5), Duration.ofHours(2));

        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Center(id, name, zone, scripts, numbers, languages, prompts, menu, queues,
                fallback, queueTimeout, file));
    }

    private List<String> languages(YAMLConfiguration yaml) {
        List<String> languages = yaml.getList(String.class, "languages", List.of());
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

    private Center.LanguageMenu languageMenu(YAMLConfiguration yaml, List<String> languages) {
        Map<Character, String> options = new LinkedHashMap<>();
        if (yaml.getMaxIndex("language-menu") < 0) {
            problem("language-menu", "is missing; every center asks for the caller's language first");
        } else {
            HierarchicalConfiguration<ImmutableNode> section = yaml.configurationAt("language-menu");
            if (section.getMaxIndex("options") >= 0) {
                HierarchicalConfiguration<ImmutableNode> opts = section.configurationAt("options");
                for (Iterator<String> it = opts.getKeys(); it.hasNext(); ) {
                    String digit = it.next();
                    String lang = opts.getString(digit);
                    if (!digit.matches("[1-9]")) {
                        problem("language-menu.options." + digit, "a language is chosen with one key from 1 to 9"
                                + " (0 reaches a person and * repeats the menu)");
                    } else if (!languages.contains(lang)) {
                        problem("language-menu.options." + digit, "'" + lang + "' is not one of the center's languages "
                                + languages);
                    } else {
                        options.put(digit.charAt(0), lang);
                    }
                }
            }
            for (String l : languages) {
                if (!options.containsValue(l)) {
                    problem("language-menu.options", "no key selects '" + l + "'; give every language a key");
                }
            }
        }
        return new Center.LanguageMenu(
                prompt(yaml, "language-menu.prompt"),
                duration(yaml, "language-menu.timeout", Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60)),
                intIn(yaml, "language-menu.tries", 3, 1, 9),
                prompt(yaml, "language-menu.invalid"),
                prompt(yaml, "language-menu.no-input"),
                options);
    }

    private Map<String, String> queues(YAMLConfiguration yaml, List<String> languages) {
        Map<String, String> queues = new LinkedHashMap<>();
        if (yaml.getMaxIndex("queues") >= 0) {
            HierarchicalConfiguration<ImmutableNode> section = yaml.configurationAt("queues");
            for (Iterator<String> it = section.getKeys(); it.hasNext(); ) {
                String lang = it.next();
                String queue = section.getString(lang);
                if (!languages.contains(lang)) {
                    problem("queues." + lang, "'" + lang + "' is not one of the center's languages " + languages);
                } else if (checkQueueName("queues." + lang, queue)) {
                    queues.put(lang, queue);
                }
            }
        }
        for (String l : languages) {
            if (!queues.containsKey(l)) {
                problem("queues", "no queue for '" + l + "'; add queues." + l + ": <queue name>");
            }
        }
        return queues;
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

    private ZoneId zone(String text) {
        if (text == null) {
            problem("timezone", "is missing; give the center's time zone, like America/New_York or Asia/Seoul");
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            problem("timezone", "'" + text + "' is not a time zone; use a name like America/New_York or Asia/Seoul");
            return ZoneId.of("UTC");
        }
    }

    private List<String> entries(YAMLConfiguration yaml, String key) {
        List<String> list = new ArrayList<>(yaml.getList(String.class, key, List.of()));
        for (String e : list) {
            if (!ENTRY.matcher(e).matches()) {
                problem(key, "'" + e + "' is not a script name or number; use digits, letters, '-', '_', '+', '*', '#'");
            }
        }
        return list;
    }

    private String prompt(YAMLConfiguration yaml, String key) {
        String p = required(yaml, key, PROMPT, "a sound name like onecall/metro-311/greeting");
        if (p != null && p.contains("..")) {
            problem(key, "'" + p + "' must not climb out of the sounds folder with '..'");
        }
        return p;
    }

    private String required(YAMLConfiguration yaml, String key, Pattern pattern, String fix) {
        String v = yaml.getString(key);
        if (v == null || v.isBlank()) {
            problem(key, "is missing; expected " + fix);
            return null;
        }
        if (!pattern.matcher(v).matches()) {
            problem(key, "'" + v + "' is not valid; expected " + fix);
            return null;
        }
        return v;
    }

    private Duration duration(YAMLConfiguration yaml, String key, Duration dflt, Duration min, Duration max) {
        String v = yaml.getString(key);
        if (v == null) {
            return dflt;
        }
        try {
            Duration d = Durations.parse(v);
            if (d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
                return d;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problem(key, "'" + v + "' is not a duration from " + Durations.format(min) + " to " + Durations.format(max)
                + "; write it like 5s or 2m");
        return dflt;
    }

    private int intIn(YAMLConfiguration yaml, String key, int dflt, int min, int max) {
        String v = yaml.getString(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, "'" + v + "' is not a whole number from " + min + " to " + max);
        return dflt;
    }

    private void problem(String key, String message) {
        problems.add(new Problem(file, key, message));
    }
}
