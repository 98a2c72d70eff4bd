package org.onecall.config;

import org.onecall.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void copyShippedConfig() throws IOException {
        // Named config/ like the real one, so messages read as a user sees them.
        dir = TestFiles.copyShipped(tmp);
    }

    private OneCallConfig load(Map<String, String> sets, Map<String, String> env) throws ConfigException {
        return new ConfigLoader(dir, sets, env).load();
    }

    private List<String> problems(Map<String, String> sets, Map<String, String> env) {
        try {
            load(sets, env);
            throw new AssertionError("the configuration was accepted");
        } catch (ConfigException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    @Test
    void shippedConfig_isValid_andHasBothCenters() throws Exception {
        OneCallConfig config = new ConfigLoader(Path.of("config"), Map.of(), Map.of()).load();
        assertThat(config.centers()).extracting(Center::id).containsExactly("gyeonggi-120", "metro-311");
        Center metro = config.center("metro-311").orElseThrow();
        assertThat(metro.languages()).containsExactly("en", "es", "ko", "zh");
        assertThat(metro.defaultLanguage()).isEqualTo("en");
        assertThat(config.center("gyeonggi-120").orElseThrow().languages()).containsExactly("ko", "en", "zh", "vi");
        assertThat(config.server().agi().port()).isEqualTo(4573);
    }

    @Test
    void languageMenuPrompt_offersEachLanguageInItsOwnLanguage() throws Exception {
        OneCallConfig config = new ConfigLoader(Path.of("config"), Map.of(), Map.of()).load();
        assertThat(config.prompts().mixed()).contains("onecall/metro-311/choose-language");
        assertThat(config.prompts().texts().get("onecall/metro-311/choose-language").get(PromptManifest.MIXED))
                .contains("en: For English, press 1.").contains("es: Para español, oprima 2.")
                .contains("ko: 한국어는 3번을 누르세요.").contains("zh: 中文请按4。");
    }

    @Test
    void agiPort_setOnCommandLine_winsOverEnvironmentAndFile() throws Exception {
        assertThat(load(Map.of(), Map.of("ONECALL_AGI_PORT", "5000")).server().agi().port()).isEqualTo(5000);
        assertThat(load(Map.of("agi.port", "14573"), Map.of("ONECALL_AGI_PORT", "5000")).server().agi().port())
                .isEqualTo(14573);
    }

    @Test
    void hyphenatedKey_isOverriddenByItsEnvironmentName() throws Exception {
        assertThat(load(Map.of(), Map.of("ONECALL_AGI_MAX_CALLS", "77")).server().agi().maxCalls()).isEqualTo(77);
        assertThat(load(Map.of(), Map.of("ONECALL_SHUTDOWN_GRACE", "2m")).server().shutdownGrace())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void badValues_areAllReported_withSourceKeyAndFix() throws IOException {
        edit("onecall.properties", "agi.port = 4573", "agi.port = 99999");
        List<String> problems = problems(Map.of("agi.allowed", "10.0.0.0/99"), Map.of("ONECALL_AGI_HEADER_TIMEOUT", "soon"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith("config/onecall.properties: agi.port:").contains("99999").contains("0 to 65535"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("--set: agi.allowed:"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith("environment ONECALL_AGI_HEADER_TIMEOUT: agi.header-timeout:").contains("5s"));
    }

    @Test
    void durationTooBigForJava_isReportedLikeAnyBadValue() throws IOException {
        List<String> problems = problems(Map.of("records.retention", "999999999999999d"), Map.of());
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("--set: records.retention:").contains("36500d"));
    }

    @Test
    void mistypedKey_isRefused_withTheKeyItProbablyMeant() throws IOException {
        Files.writeString(dir.resolve("onecall.properties"), "\nagi.max-cals = 10\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(problems(Map.of(), Map.of()))
                .containsExactly("config/onecall.properties: agi.max-cals: unknown key; did you mean agi.max-calls?"
                        + " (known keys: see config/onecall.properties)");
    }

    @Test
    void keySetTwice_isRefused_ratherThanSilentlyTakingTheFirst() throws IOException {
        Files.writeString(dir.resolve("onecall.properties"), "\nagi.port = 5000\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(problems(Map.of(), Map.of()))
                .containsExactly("config/onecall.properties: agi.port: is set 2 times; keep one line");
    }

    @Test
    void centerFile_withBrokenYaml_namesTheFile() throws IOException {
        Files.writeString(dir.resolve("centers/metro-311.yaml"), "id: metro-311\nlanguages: [en, es\n");
        assertThat(problems(Map.of(), Map.of()))
                .anySatisfy(p -> assertThat(p).startsWith("config/centers/metro-311.yaml: is not valid YAML"));
    }

    @Test
    void languageMenu_withoutAKeyForALanguage_isRefused() throws IOException {
        edit("centers/metro-311.yaml", "      \"4\": language:zh\n", "");
        assertThat(problems(Map.of(), Map.of())).containsExactly(
                "config/centers/metro-311.yaml: menus.language.options: no key selects language 'zh'; give every language a key");
    }

    @Test
    void center_withReservedOrUnsafeNames_isRefused() throws IOException {
        edit("centers/metro-311.yaml", "general-queue: metro-311-general", "general-queue: general");
        edit("centers/metro-311.yaml", "greeting: onecall/metro-311/greeting ", "greeting: \"greet\\nHANGUP\" ");
        edit("centers/metro-311.yaml", "timezone: America/New_York", "timezone: Metro/Nowhere");
        List<String> problems = problems(Map.of(), Map.of());
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("routing.general-queue: 'general' cannot be a queue"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("prompts.greeting:").contains("is not valid"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("timezone: 'Metro/Nowhere' is not a time zone"));
    }

    @Test
    void optionLeadingNowhere_isRefused_withTheKeyOfTheOption() throws IOException {
        edit("centers/metro-311.yaml", "\"2\": {to: topic:bulk-items", "\"2\": {to: topic:bulky");
        edit("centers/metro-311.yaml", "\"2\": {to: menu:streets", "\"2\": {to: menu:roads");
        assertThat(problems(Map.of(), Map.of())).contains(
                "config/centers/metro-311.yaml: menus.trash.options.2: topic 'bulky' is not declared under topics:",
                "config/centers/metro-311.yaml: menus.main.options.2: menu 'roads' is not declared under menus:",
                "config/centers/metro-311.yaml: menus.streets: is never reached from start: or after-hours:; link it or remove it");
    }

    @Test
    void topicOnAnUndeclaredQueue_andAnOverflowCircle_areRefused() throws IOException {
        edit("centers/metro-311.yaml", "pothole:         {queue: metro-311-streets", "pothole:         {queue: metro-311-roads");
        edit("centers/metro-311.yaml", "metro-311-general:    {calendar: extended, languages: [en, es, ko, zh]}",
                "metro-311-general:    {calendar: extended, languages: [en, es, ko, zh], overflow: metro-311-noise}");
        List<String> problems = problems(Map.of(), Map.of());
        assertThat(problems).contains(
                "config/centers/metro-311.yaml: topics.pothole.queue: queue 'metro-311-roads' is not declared under queues:");
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("queues.metro-311-noise.overflow: overflows in a circle"));
    }

    @Test
    void backFromAMenuOption_isRefused() throws IOException {
        edit("centers/metro-311.yaml", "\"2\": {to: topic:towed-car", "\"2\": {to: back");
        assertThat(problems(Map.of(), Map.of())).contains("config/centers/metro-311.yaml: menus.parking.options.2: "
                + "back is for a message or a collection (then: back), not for a menu");
    }

    @Test
    void optionOnAReservedKey_isRefused() throws IOException {
        edit("centers/metro-311.yaml", "\"3\": {to: topic:recycling", "\"0\": {to: topic:recycling");
        edit("centers/metro-311.yaml", "\"2\": {to: topic:towed-car", "\"9\": {to: topic:towed-car");
        assertThat(problems(Map.of(), Map.of())).contains(
                "config/centers/metro-311.yaml: menus.trash.options.0: '0' is taken at every menu (* repeats it, 0 reaches a person)",
                "config/centers/metro-311.yaml: menus.parking.options.9: '9' is the emergency key at every menu");
    }

    @Test
    void emergencyKeyOnZero_isRefused_becauseZeroReachesAPerson() throws IOException {
        edit("centers/metro-311.yaml", "  key: \"9\"", "  key: \"0\"");
        assertThat(problems(Map.of(), Map.of())).containsExactly("config/centers/metro-311.yaml: emergency.key: "
                + "'0' reaches a person at every menu; choose a key no menu uses, like 9");
    }

    @Test
    void emergencyKeyOnStar_isRefused_becauseStarRepeatsTheMenu() throws IOException {
        edit("centers/metro-311.yaml", "  key: \"9\"", "  key: \"*\"");
        assertThat(problems(Map.of(), Map.of())).containsExactly("config/centers/metro-311.yaml: emergency.key: "
                + "'*' repeats the menu at every menu; choose a key no menu uses, like 9");
    }

    @Test
    void emergencyKeyOnHash_isRefused_becauseHashEndsInput() throws IOException {
        edit("centers/metro-311.yaml", "  key: \"9\"", "  key: \"#\"");
        assertThat(problems(Map.of(), Map.of())).containsExactly("config/centers/metro-311.yaml: emergency.key: "
                + "'#' ends a caller's input, so it never arrives as a key; choose a key no menu uses, like 9");
    }

    @Test
    void emergencyKeyThatIsAlsoAMenuOption_isRefused_namingTheMenusAndTheFix() throws IOException {
        edit("centers/metro-311.yaml", "  key: \"9\"", "  key: \"2\"");
        // Each of those options is flagged where it stands; this line says what to do about them all.
        assertThat(problems(Map.of(), Map.of())).contains("config/centers/metro-311.yaml: emergency.key: "
                + "'2' is also an option at menus information, language, main, noise, parking, self-service,"
                + " streets, trash, water: callers"
                + " pressing it for that option would be sent to 911; choose a key no menu uses, like 9, or move"
                + " those options to another key");
    }

    @Test
    void messagesThatLeadToEachOther_withoutAMenu_areALoop() throws IOException {
        edit("centers/metro-311.yaml", "    prompt: onecall/metro-311/hours\n    then: back",
                "    prompt: onecall/metro-311/hours\n    then: info:offices");
        edit("centers/metro-311.yaml", "    prompt: onecall/metro-311/offices\n    then: back",
                "    prompt: onecall/metro-311/offices\n    then: info:hours");
        assertThat(problems(Map.of(), Map.of())).contains(
                "config/centers/metro-311.yaml: info.hours.then: loops through messages without a menu to leave it");
    }

    @Test
    void menuWhoseFailureIsItself_isRefused_aSilentCallerWouldGoRoundForever() throws IOException {
        edit("centers/metro-311.yaml", "      \"4\": {to: menu:main, say: {en: [main menu, back]}}\n    failure: menu:main",
                "      \"4\": {to: menu:main, say: {en: [main menu, back]}}\n    failure: menu:information");
        assertThat(problems(Map.of(), Map.of())).containsExactly("config/centers/metro-311.yaml:"
                + " menus.information.failure: a caller who presses nothing goes round menu:information >"
                + " menu:information and never reaches a person; send one of these failure: targets to agent,"
                + " goodbye or a topic");
    }

    @Test
    void twoMenusFailingToEachOther_areRefused_once() throws IOException {
        edit("centers/metro-311.yaml", "es: [estado, solicitud]}}\n    failure: agent",
                "es: [estado, solicitud]}}\n    failure: menu:information");
        assertThat(problems(Map.of(), Map.of())).containsExactly("config/centers/metro-311.yaml:"
                + " menus.information.failure: a caller who presses nothing goes round menu:information > menu:main"
                + " > menu:information and never reaches a person; send one of these failure: targets to agent,"
                + " goodbye or a topic");
    }

    @Test
    void failureToAMessageThatGoesBack_isACircleToo() throws IOException {
        edit("centers/metro-311.yaml", "      \"3\": info:request-online\n    failure: goodbye",
                "      \"3\": info:request-online\n    failure: info:hours");
        assertThat(problems(Map.of(), Map.of())).containsExactly("config/centers/metro-311.yaml:"
                + " menus.self-service.failure: a caller who presses nothing goes round menu:self-service > info:hours"
                + " > menu:self-service and never reaches a person; send one of these failure: targets to agent,"
                + " goodbye or a topic");
    }

    @Test
    void failureThroughAnotherMenuToAnEnd_isFine() throws Exception {
        // information fails to main, and main fails to a person: the shipped flow.
        assertThat(new ConfigLoader(dir, Map.of(), Map.of()).load().centers()).hasSize(2);
    }

    @Test
    void promptWithoutATextInALanguageOfItsCenter_isRefused() throws IOException {
        Path manifest = tmp.resolve("prompts/prompts.yaml");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(manifest));
        int key = lines.indexOf("onecall/metro-311/trash-menu:");
        assertThat(key).isNotNegative();
        int ko = key + 1;
        while (!lines.get(ko).startsWith("  ko:")) {
            ko++;
        }
        lines.remove(ko);
        while (lines.get(ko).startsWith("    ")) {
            lines.remove(ko); // the rest of a folded text
        }
        Files.write(manifest, lines);
        assertThat(problems(Map.of(), Map.of())).containsExactly(
                "prompts/prompts.yaml: onecall/metro-311/trash-menu: has no ko text; metro-311 serves ko");
    }

    @Test
    void twoCenters_claimingOneNumber_areRefused() throws IOException {
        edit("centers/gyeonggi-120.yaml", "numbers: [\"120\", \"0311200120\"]", "numbers: [\"120\", \"2125550311\"]");
        assertThat(problems(Map.of(), Map.of())).anySatisfy(p -> assertThat(p)
                .contains("'2125550311' already reaches").contains("can reach only one center"));
    }

    @Test
    void unknownCenterKey_isRefused() throws IOException {
        edit("centers/metro-311.yaml", "  queue-timeout: 5m", "  queue-timeout: 5m\n  queue-timout: 2m");
        assertThat(problems(Map.of(), Map.of()))
                .containsExactly("config/centers/metro-311.yaml: routing.queue-timout: unknown key;"
                        + " the keys a center file takes are listed in config/centers/README.md");
    }

    @Test
    void missingProperties_andNoCenters_sayWhatToDo() throws IOException {
        Files.delete(dir.resolve("onecall.properties"));
        Files.delete(dir.resolve("centers/metro-311.yaml"));
        Files.delete(dir.resolve("centers/gyeonggi-120.yaml"));
        assertThatThrownBy(() -> load(Map.of(), Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("onecall.properties: missing")
                .hasMessageContaining("no center files");
    }
}
