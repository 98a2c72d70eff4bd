package org.onecall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.OneCallServer;
import org.onecall.TestClock;
import org.onecall.TestFiles;
import org.onecall.cli.Main;
import org.onecall.config.ConfigLoader;

import picocli.CommandLine;

/** ./onecall admin-token, and what its line does once added to the shipped tokens file of a running server. */
class AdminTokenCommandTest {
    private static final Pattern TOKEN = Pattern.compile("onecall_[A-Za-z0-9_-]{43}");
    private static final Pattern LINE = Pattern.compile(
            "(?m)^  - \\{name: (\\S+), role: (view|switch), sha256: \"([0-9a-f]{64})\"}$");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private static Run adminToken(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "admin-token";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = cli.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void adminToken_printsTheTokenOnce_andALineWithItsSha256() throws Exception {
        Run r = adminToken("--name", "alice", "--role", "switch");
        assertThat(r.code()).isZero();
        Matcher token = TOKEN.matcher(r.out());
        assertThat(token.find()).as(r.out()).isTrue();
        String t = token.group();
        assertThat(token.find()).as("the token is printed once").isFalse();
        Matcher line = LINE.matcher(r.out());
        assertThat(line.find()).as(r.out()).isTrue();
        assertThat(line.group(1)).isEqualTo("alice");
        assertThat(line.group(2)).isEqualTo("switch");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(t.getBytes(StandardCharsets.UTF_8)));
        assertThat(line.group(3)).isEqualTo(sha256);
        assertThat(TOKEN.matcher(adminToken("--name", "alice", "--role", "switch").out()).results()
                .map(m -> m.group()).toList()).doesNotContain(t);
    }

    @Test
    void adminToken_withANameYamlWouldMangle_isABadOption() {
        Run r = adminToken("--name", "alice: admin", "--role", "switch");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--name");
        assertThat(adminToken("--name", "alice", "--role", "root").err()).contains("'root' is not view or switch");
    }

    @Test
    void theLine_addedToTheShippedFile_letsTheTokenIn_onARunningServer_withoutARestart() throws Exception {
        Path config = TestFiles.copyShipped(tmp);
        ConfigLoader loader = new ConfigLoader(config, Map.of("agi.port", "0", "admin.port", "0",
                "records.enabled", "false", "config.reload-interval", "100ms"), Map.of());
        Run made = adminToken("--name", "alice", "--role", "view");
        Matcher token = TOKEN.matcher(made.out());
        Matcher line = LINE.matcher(made.out());
        assertThat(token.find() && line.find()).isTrue();

        try (OneCallServer server = OneCallServer.start(loader, new TestClock(TestClock.ALL_OPEN));
             HttpClient http = HttpClient.newHttpClient()) {
            String url = server.adminUrl().orElseThrow();
            HttpRequest list = HttpRequest.newBuilder(URI.create(url + "/api/centers/metro-311/announcements"))
                    .header("Authorization", "Bearer " + token.group()).build();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(url + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(http.send(list, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

            Files.writeString(config.resolve("admin-tokens.yaml"), line.group() + "\n", StandardOpenOption.APPEND);
            HttpResponse<String> answer = http.send(list, HttpResponse.BodyHandlers.ofString());
            for (int i = 0; i < 50 && answer.statusCode() == 401; i++) {
                Thread.sleep(100);
                answer = http.send(list, HttpResponse.BodyHandlers.ofString());
            }
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"center\" : \"metro-311\"");
        }
    }
}
