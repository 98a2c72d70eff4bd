package org.onecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** ./onecall spikes as an administrator runs it: a history in, starts and stops out, bad input refused. */
class SpikesCommandTest {
    /** What a run printed and returned. */
    record Run(int code, String out, String err) {
        List<JsonNode> json() {
            ObjectMapper mapper = new ObjectMapper();
            return out.lines().map(l -> {
                try {
                    return mapper.readTree(l);
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + l, e);
                }
            }).toList();
        }
    }

    @TempDir
    Path tmp;

    static Run spikes(String... args) {
        List<String> all = new ArrayList<>(List.of("--config", "config"));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new SpikesCommand()).execute(all.toArray(String[]::new));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    private Path csv(String text) throws IOException {
        Path file = tmp.resolve("calls.csv");
        Files.writeString(file, text);
        return file;
    }

    /**
     * One row per call, as a call-record export has it: three weeks of a pothole call every 4 minutes and a noise
     * call every 6, then a water main breaks on a Wednesday at 10:00 and brings a call every 20 seconds (45 a quarter hour) for 2 hours.
     */
    private Path waterMainBreak() throws IOException {
        StringBuilder text = new StringBuilder("timestamp,topic,caller\n");
        LocalDateTime from = LocalDateTime.of(2026, 3, 2, 0, 0);
        LocalDateTime burst = LocalDateTime.of(2026, 3, 25, 10, 0);
        for (LocalDateTime t = from; t.isBefore(from.plusWeeks(4)); t = t.plusSeconds(20)) {
            int second = t.getMinute() * 60 + t.getSecond();
            if (second % 240 == 0) {
                text.append(t).append(":00,pothole,555-0100\n");
            }
            if (second % 360 == 0) {
                text.append(t).append(":00,noise,555-0101\n");
            }
            if (!t.isBefore(burst) && t.isBefore(burst.plusHours(2))) {
                text.append(t.toString().replace('T', ' ')).append(",\"water-main\",555-0102\n");
            }
        }
        return csv(text.toString());
    }

    @Test
    void json_waterMainBreak_startsAndStopsThatTopic() throws IOException {
        Run run = spikes("--center", "metro-311", "--csv", waterMainBreak().toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        List<JsonNode> lines = run.json();
        assertThat(lines).allSatisfy(l -> assertThat(l.has("time") && l.has("action") && l.has("topic")
                && l.has("observed") && l.has("expected") && l.has("rule")).isTrue());
        List<JsonNode> water = lines.stream().filter(l -> l.get("topic").asText().equals("water-main")).toList();
        assertThat(water).extracting(l -> l.get("action").asText()).containsExactly("start", "stop");
        assertThat(water.getFirst().get("time").asText()).isEqualTo("2026-03-25T10:30:00");
        assertThat(water.getFirst().get("observed").asLong()).isEqualTo(90);
        assertThat(water.getFirst().get("expected").asDouble()).isZero();
        // The burst also lifts the total, which starts the general announcement; pothole and noise stay quiet.
        assertThat(lines).filteredOn(l -> l.get("topic").isNull()).extracting(l -> l.get("action").asText())
                .containsExactly("start", "stop");
        assertThat(lines).filteredOn(l -> !l.get("topic").isNull()).extracting(l -> l.get("topic").asText())
                .containsOnly("water-main");
    }

    @Test
    void text_waterMainBreak_printsATableAndASummary() throws IOException {
        Run run = spikes("--center", "metro-311", "--csv", waterMainBreak().toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("counting: buckets of 15m; 3 topic(s) from column 'topic'")
                .containsPattern("2026-03-25 10:30\\s+start\\s+water-main\\s+90")
                .contains("summary: 2 start(s) and 2 stop(s) (overall 1, topics 1); still active at the end: none");
    }

    @Test
    void topicColumnNone_judgesOverallOnly() throws IOException {
        Run run = spikes("--center", "metro-311", "--csv", waterMainBreak().toString(), "--json",
                "--topic-column", "none");
        assertThat(run.json()).extracting(l -> l.get("topic").isNull()).containsOnly(true).hasSize(2);
    }

    @Test
    void threshold_overridesTheCenterFile() throws IOException {
        Run run = spikes("--center", "metro-311", "--csv", waterMainBreak().toString(), "--json",
                "-t", "start-ratio=100", "-t", "min-count=100000");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noTimestampColumn_exitsTwo_namingTheHeader() throws IOException {
        Run run = spikes("--center", "metro-311", "--csv", csv("when,topic\n2026-01-05T09:00,noise\n").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("calls.csv: line 1: no time column; name one timestamp or date or time or"
                + " datetime (or pick one with --time-column); the header has [when, topic]");
    }

    @Test
    void badTimestamp_exitsTwo_namingTheLine() throws IOException {
        Run run = spikes("--center", "metro-311", "--csv",
                csv("timestamp,topic\n2026-01-05T09:00:00,noise\n2026-01-05T09:01:00,noise\n5 Jan 2026,noise\n")
                        .toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("calls.csv: line 4: '5 Jan 2026' is not a timestamp; write local time like"
                + " 2026-01-15T09:30:00");
    }

    @Test
    void badCount_exitsTwo_namingTheLine() throws IOException {
        Run run = spikes("--center", "metro-311", "--csv", csv("date,count\r\n2026-01-05,120\r\n2026-01-06,-4\r\n")
                .toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("calls.csv: line 3: count '-4' is not a whole number of calls (0 or more)");
    }

    @Test
    void missingCell_exitsTwo_namingTheLine() throws IOException {
        Run run = spikes("--center", "metro-311", "--csv", csv("timestamp,topic,count\n2026-01-05T09:00,noise\n")
                .toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("calls.csv: line 2: has 2 column(s), the header 3");
    }

    @Test
    void badThresholdOrCenter_exitsTwo() throws IOException {
        Path file = csv("date,count\n2026-01-05,120\n");
        Run threshold = spikes("--center", "metro-311", "--csv", file.toString(), "-t", "start-ratio=lots");
        assertThat(threshold.code()).isEqualTo(2);
        assertThat(threshold.err()).contains("--threshold: start-ratio: 'lots' is not a ratio");
        Run center = spikes("--center", "atlantis-311", "--csv", file.toString());
        assertThat(center.code()).isEqualTo(2);
        assertThat(center.err()).contains("no center 'atlantis-311'");
        Run missing = spikes("--center", "metro-311", "--csv", tmp.resolve("nothing.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("cannot read ");
    }
}
