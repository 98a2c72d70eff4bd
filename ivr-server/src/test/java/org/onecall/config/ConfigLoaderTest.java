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
        dir = tmp.resolve("config");
        TestFiles.copyTree(Path.of("config"), dir);
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
    void center_withLanguageWithoutQueueOrKey_isRefused() throws IOException {
        edit("centers/metro-311.yaml", "  zh: metro-311-zh\n", "");
        edit("centers/metro-311.yaml", "    \"4\": zh\n", "");
        assertThat(problems(Map.of(), Map.of())).containsExactlyInAnyOrder(
                "config/centers/metro-311.yaml: language-menu.options: no key selects 'zh'; give every language a key",
                "config/centers/metro-311.yaml: queues: no queue for 'zh'; add queues.zh: <queue name>");
    }

    @Test
    void center_withReservedOrUnsafeNames_isRefused() throws IOException {
        edit("centers/metro-311.yaml", "fallback-queue: metro-311-general", "fallback-queue: general");
        edit("centers/metro-311.yaml", "greeting: onecall/metro-311/greeting", "greeting: \"greet\\nHANGUP\"");
        edit("centers/metro-311.yaml", "timezone: America/New_York", "timezone: Metro/Nowhere");
        List<String> problems = problems(Map.of(), Map.of());
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("fallback-queue: 'general' cannot be a queue"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("prompts.greeting:").contains("is not valid"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("timezone: 'Metro/Nowhere' is not a time zone"));
    }

    @Test
    void twoCenters_claimingOneNumber_areRefused() throws IOException {
        edit("centers/gyeonggi-120.yaml", "numbers: [\"120\", \"0311200120\"]", "numbers: [\"120\", \"2125550311\"]");
        assertThat(problems(Map.of(), Map.of())).anySatisfy(p -> assertThat(p)
                .contains("'2125550311' already reaches").contains("can reach only one center"));
    }

    @Test
    void unknownCenterKey_isRefused() throws IOException {
        edit("centers/metro-311.yaml", "queue-timeout: 5m", "queue-timeout: 5m\nqueue-timout: 2m");
        assertThat(problems(Map.of(), Map.of()))
                .containsExactly("config/centers/metro-311.yaml: queue-timout: unknown key;"
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
