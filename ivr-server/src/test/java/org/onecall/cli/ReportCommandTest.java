package org.onecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.TestFiles;
import org.onecall.store.EmbeddedDatabase;
import org.onecall.store.TestDatabase;

import picocli.CommandLine;

/** ./onecall report as an administrator runs it, against the records database. */
class ReportCommandTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void records() throws Exception {
        TestDatabase.truncate();
        try (var c = TestDatabase.database().connection(); var s = c.createStatement()) {
            s.execute("INSERT INTO call_record (call_id, center, dialed, started_at, ended_at, language, path, topic,"
                    + " outcome, menu_ms, wait_ms, district) VALUES"
                    + " ('9.1', 'metro-311', '311', '2026-03-03 14:00:00', '2026-03-03 14:05:00', 'es', 'x', 'pothole',"
                    + " 'ANSWERED', 20000, 40000, 'brooklyn'),"
                    + " ('9.2', 'metro-311', '311', '2026-03-03 15:00:00', '2026-03-03 15:01:00', 'en', 'x', 'noise',"
                    + " 'ABANDONED_IN_QUEUE', 10000, NULL, NULL)");
        }
        TestFiles.copyShipped(tmp);
    }

    private String run(String... args) {
        EmbeddedDatabase.Endpoint e = TestDatabase.embedded().endpoint();
        List<String> all = new ArrayList<>(List.of("--config", tmp.resolve("config").toString(),
                "--set", "database.url=" + e.url(), "--set", "database.user=" + e.user(),
                "--set", "database.password=" + e.password()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new ReportCommand()).execute(all.toArray(String[]::new));
            assertThat(code).isZero();
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void table_showsTheFiguresAManagerReads() {
        String table = run("--center", "metro-311", "--from", "2026-03-02", "--to", "2026-03-08");
        assertThat(table).contains("metro-311, 2026-03-02 to 2026-03-08").containsPattern("answer rate\\s+50.0%")
                .containsPattern("pothole\\s+1").containsPattern("brooklyn\\s+1")
                .containsPattern("average wait for an agent\\s+40.0 s");
    }

    @Test
    void json_andCsv_carryTheSameNumbers() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run("--center", "metro-311", "--from", "2026-03-02", "--to",
                "2026-03-08", "--format", "json"));
        assertThat(json.get("calls").asLong()).isEqualTo(2);
        assertThat(json.get("answerRate").asDouble()).isEqualTo(0.5);
        assertThat(json.get("byHourAndTopic").get("9").get("pothole").asLong()).isEqualTo(1);
        String csv = run("--center", "metro-311", "--from", "2026-03-02", "--to", "2026-03-08", "--format", "csv");
        assertThat(csv).startsWith("section,key,value").contains("summary,calls,2").contains("summary,answer_rate,0.5")
                .contains("outcome,ABANDONED_IN_QUEUE,1").contains("hour_topic,10:noise,1");
    }
}
