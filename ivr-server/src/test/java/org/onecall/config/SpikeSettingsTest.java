package org.onecall.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.TestFiles;

/** The spikes: section of a center file: defaults, the shipped values, and bad values refused with the fix. */
class SpikeSettingsTest {
    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void copyShippedConfig() throws IOException {
        dir = TestFiles.copyShipped(tmp);
    }

    private void replaceSpikes(String file, String section) throws IOException {
        Path p = dir.resolve("centers").resolve(file);
        String text = Files.readString(p);
        int at = text.indexOf("\nspikes:");
        assertThat(at).as("the shipped file has a spikes section").isPositive();
        Files.writeString(p, text.substring(0, at + 1) + section);
    }

    private List<String> problems() {
        try {
            new ConfigLoader(dir, Map.of(), Map.of()).load();
            throw new AssertionError("the configuration was accepted");
        } catch (ConfigException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    @Test
    void shippedCenters_spellOutTheDefaults() throws Exception {
        OneCallConfig config = new ConfigLoader(Path.of("config"), Map.of(), Map.of()).load();
        assertThat(config.centers()).extracting(Center::spikes).containsOnly(SpikeSettings.DEFAULTS);
    }

    @Test
    void noSpikesSection_getsTheDefaults() throws Exception {
        replaceSpikes("metro-311.yaml", "");
        Center metro = new ConfigLoader(dir, Map.of(), Map.of()).load().center("metro-311").orElseThrow();
        assertThat(metro.spikes()).isEqualTo(SpikeSettings.DEFAULTS);
    }

    @Test
    void someKeys_overrideTheirDefaultsOnly() throws Exception {
        replaceSpikes("gyeonggi-120.yaml", "spikes:\n  bucket: 30m\n  start-ratio: 2.5\n  min-active: 2h\n");
        SpikeSettings s = new ConfigLoader(dir, Map.of(), Map.of()).load().center("gyeonggi-120").orElseThrow().spikes();
        assertThat(s.bucket()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.startRatio()).isEqualTo(2.5);
        assertThat(s.minActive()).isEqualTo(Duration.ofHours(2));
        assertThat(s.stopAfter()).isEqualTo(SpikeSettings.DEFAULTS.stopAfter());
    }

    @Test
    void badValues_nameTheFileTheKeyAndTheFix() throws Exception {
        replaceSpikes("metro-311.yaml", """
                spikes:
                  bucket: 7m
                  history-weeks: 0
                  start-ratio: 0.9
                  start-significance: often
                  stop-after: 1
                  start-after: 3
                  colour: red
                """);
        assertThat(problems()).containsExactlyInAnyOrder(
                "config/centers/metro-311.yaml: spikes.colour: unknown key; the spikes keys are " + SpikeSettings.KEYS,
                "config/centers/metro-311.yaml: spikes.bucket: '7m' is not a bucket length that divides a day evenly,"
                        + " from 1m to 1d, like 15m, 30m, 1h or 1d",
                "config/centers/metro-311.yaml: spikes.history-weeks: '0' is not a whole number from 1 to 52",
                "config/centers/metro-311.yaml: spikes.start-ratio: '0.9' is not a ratio of observed to expected"
                        + " calls from 1.01 to 100, like 1.8",
                "config/centers/metro-311.yaml: spikes.start-significance: 'often' is not a probability from 1e-12 to"
                        + " 0.25, like 1e-6 (smaller starts less often)",
                "config/centers/metro-311.yaml: spikes.stop-after: is 1, fewer than start-after 3; stopping"
                        + " must take at least as long as starting, or a surge that dips flaps");
    }

    @Test
    void stopThresholdsAboveStartOnes_areRefused() {
        List<Problem> problems = new ArrayList<>();
        SpikeSettings.read(Map.of("stop-ratio", "2", "stop-significance", "1e-9", "min-history", "10w"),
                SpikeSettings.DEFAULTS, "--threshold", "", problems);
        assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
                "--threshold: min-history: '10w' is not a duration from 0s to 364d, like 2h or 7d",
                "--threshold: stop-ratio: is 2.0, above start-ratio 1.8; make it lower, like 1.4",
                "--threshold: stop-significance: is 1.0E-9, below start-significance 1.0E-6; make it at least as"
                        + " large, like 0.05");
    }

    @Test
    void minHistoryLongerThanTheHistoryKept_isRefused() {
        List<Problem> problems = new ArrayList<>();
        SpikeSettings.read(Map.of("history-weeks", "2", "min-history", "21d"), SpikeSettings.DEFAULTS, "f", "spikes.",
                problems);
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "f: spikes.min-history: is 21d, longer than the 2 history-weeks kept; make it at most 14d");
    }
}
