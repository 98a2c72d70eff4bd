package org.onecall.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One municipality's call center as its file in config/centers/ describes it.
 *
 * @param scripts   AGI script paths that reach it (agi://onecall:4573/311 has script "311")
 * @param numbers   dialed numbers (agi_dnid or agi_extension) that reach it
 * @param languages the languages it serves; the first is the default
 * @param queues    the Asterisk queue per language
 */
public record Center(String id, String name, ZoneId timezone, List<String> scripts, List<String> numbers,
                     List<String> languages, Prompts prompts, LanguageMenu languageMenu,
                     Map<String, String> queues, String fallbackQueue, Duration queueTimeout, String file) {
    public Center {
        scripts = List.copyOf(scripts);
        numbers = List.copyOf(numbers);
        languages = List.copyOf(languages);
        queues = Map.copyOf(queues);
    }

    public String defaultLanguage() {
        return languages.getFirst();
    }

    /** The prompts a call hears outside menus. */
    public record Prompts(String greeting, String connecting, String busy) {
    }

    /**
     * The first choice a caller makes.
     *
     * @param options digit to language code
     */
    public record LanguageMenu(String prompt, Duration timeout, int tries, String invalid, String noInput,
                               Map<Character, String> options) {
        public LanguageMenu {
            options = Map.copyOf(options);
        }
    }
}
