package org.onecall.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.onecall.cli.CallCommand;
import picocli.CommandLine;

/** {@code onecall call} against a tiny in-test FastAGI server, as an administrator would run it. */
class CallCommandTest {

    /** A 311 menu: asks for a topic, queues the caller, hangs up. */
    private static final FastAgiTestServer.Script MENU = c -> {
        c.header();
        c.command("ANSWER");
        String topic = c.command("GET DATA menu-topics 5000 1");
        c.command("SET VARIABLE ONECALL_TOPIC " + (topic.endsWith("=2") ? "potholes" : "other"));
        c.command("SET VARIABLE ONECALL_LANG es");
        c.command("EXEC Queue roads-es,,,,60");
        c.command("HANGUP");
        c.closeAndDrain();
    };

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CallCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void json_printsOneObjectWithTheCallsFields() throws Exception {
        try (FastAgiTestServer server = FastAgiTestServer.start(MENU)) {
            Run run = run("--server", "127.0.0.1:" + server.address().getPort(), "--to", "311", "--keys", "2",
                    "--queue-result", "timeout", "--json");

            assertThat(run.exitCode()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("prompts").get(0).asText()).isEqualTo("menu-topics");
            assertThat(json.get("inputs").get(0).asText()).isEqualTo("2");
            assertThat(json.get("route").get("queue").asText()).isEqualTo("roads-es");
            assertThat(json.get("route").get("language").asText()).isEqualTo("es");
            assertThat(json.get("route").get("topic").asText()).isEqualTo("potholes");
            assertThat(json.get("variables").get("QUEUESTATUS").asText()).isEqualTo("TIMEOUT");
            assertThat(json.get("outcome").asText()).isEqualTo("server-hung-up");
            assertThat(json.get("agiStatus").asText()).isEqualTo("HANGUP");
            assertThat(json.has("wire")).isFalse();
            assertThat(run.out().strip().lines()).hasSize(1);
        }
    }

    @Test
    void scriptAndKeysAndMissingPrompt_reachTheServerAndTheCaller() throws Exception {
        AtomicReference<Map<String, String>> header = new AtomicReference<>();
        FastAgiTestServer.Script script = c -> {
            header.set(c.header());
            c.command("GET DATA gone 1000 1");
            c.command("WAIT FOR DIGIT 1000");
            c.command("WAIT FOR DIGIT 1000");
            c.command("WAIT FOR DIGIT 1000");
            c.closeAndDrain();
        };
        try (FastAgiTestServer server = FastAgiTestServer.start(script)) {
            Run run = run("--server", "127.0.0.1:" + server.address().getPort(), "--to", "311", "--from", "5551234",
                    "--script", "ivr?lang=fr", "--language", "fr", "--keys", "2,,1", "--missing-prompt", "gone",
                    "--json", "--wire");

            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(header.get()).containsEntry("agi_network_script", "ivr?lang=fr")
                    .containsEntry("agi_language", "fr").containsEntry("agi_callerid", "5551234");
            assertThat(json.get("inputs").toString()).isEqualTo("[\"2\",\"\",\"1\"]");
            assertThat(json.get("outcome").asText()).isEqualTo("server-closed");
            assertThat(json.get("wire").get(0).asText()).isEqualTo("<< agi_network: yes");
        }
    }

    @Test
    void text_printsTheTranscriptWithRouteAndOutcome() throws Exception {
        try (FastAgiTestServer server = FastAgiTestServer.start(MENU)) {
            Run run = run("--server", "127.0.0.1:" + server.address().getPort(), "--to", "311", "--keys", "1",
                    "--hangup-after", "2");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("hears menu-topics", "queued in roads-es: ANSWERED",
                    "route    queue=roads-es language=es topic=other", "outcome  caller-hung-up (AGISTATUS=HANGUP)");
        }
    }

    @Test
    void noServer_exitsWithTwoAndSaysHowToStartOne() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        Run run = run("--server", "127.0.0.1:" + port, "--to", "311", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no OneCall server answers at 127.0.0.1:" + port
                + " (connection refused); start one with ./onecall serve");
    }

    @Test
    void badOptions_areUsageErrors() {
        assertThat(run("--to", "311", "--queue-result", "maybe").err()).contains("--queue-result: 'maybe'");
        assertThat(run("--to", "311", "--keys", "1x").exitCode()).isEqualTo(2);
        assertThat(run("--to", "311", "--timeout", "soon").err()).contains("--timeout");
        assertThat(run("--to", "311", "--server", "nowhere").err()).contains("HOST:PORT");
        assertThat(run("--keys", "1").exitCode()).isEqualTo(2);
        assertThat(run("--to", "311", "--silent", "--keys", "1").exitCode()).isEqualTo(2);
    }

    @Test
    void help_listsTheOptions() {
        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--to", "--keys", "--hangup-during", "--queue-result", "--missing-prompt", "--json");
        assertThat(List.of(run.out().split("\n"))).isNotEmpty();
    }
}
