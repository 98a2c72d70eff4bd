package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.TestFiles;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.Route;

/**
 * Replays what a real Asterisk 22 sent in each recording, line by line, to the server: its header
 * (pointed at a shipped center) and then, for each command the server sends, the next reply
 * Asterisk recorded, unprompted HANGUP lines included. The replies rarely fit the commands; that
 * is the point: real lines in unexpected places (510, 511, 520 blocks, -1, HANGUP) must end the
 * call cleanly, never a command after the caller is gone but one status probe, and never take
 * the server down.
 */
class TraceReplayTest {
    @TempDir
    static Path tmp;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(tmp, "agi.reply-timeout=10s");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Trace(List<String> header, List<List<String>> replies) {
    }

    static Trace parse(Path file) throws IOException {
        List<String> header = new ArrayList<>();
        List<List<String>> replies = new ArrayList<>();
        boolean inHeader = true;
        List<String> current = null;
        for (String raw : Files.readAllLines(file)) {
            if (!raw.startsWith("[+")) {
                continue;
            }
            String rest = raw.substring(raw.indexOf(']') + 2);
            String dir = rest.length() >= 2 ? rest.substring(0, 2) : "";
            String text = rest.length() > 3 ? rest.substring(3) : "";
            if (inHeader) {
                if (dir.equals("<<")) {
                    if (text.isEmpty()) {
                        inHeader = false;
                    } else {
                        header.add(text.startsWith("agi_network_script: ") ? "agi_network_script: 311" : text);
                    }
                }
                continue;
            }
            if (dir.equals(">>")) {
                current = new ArrayList<>();
                replies.add(current);
            } else if (dir.equals("<<") && !text.equals("<EOF>") && current != null) {
                current.add(text);
            }
        }
        return new Trace(header, replies);
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedTrace_replayedToTheServer_endsTheCallCleanly() throws IOException {
        List<Path> files = TestFiles.asteriskTraces();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(parse(f))));
    }

    private static void replay(Trace trace) throws Exception {
        assertThat(trace.header()).isNotEmpty();
        try (Socket s = new Socket()) {
            s.connect(server.server.agiAddress(), 2000);
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            out.write((String.join("\n", trace.header()) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();

            int next = 0;
            boolean hungUp = false;
            int commandsAfterHangup = 0;
            String command;
            try {
                while ((command = in.readLine()) != null) {
                    if (hungUp) {
                        commandsAfterHangup++;
                        assertThat(command).as("the only command allowed after HANGUP").isEqualTo("CHANNEL STATUS");
                    }
                    List<String> reply = next < trace.replies().size() ? trace.replies().get(next++)
                            : List.of("HANGUP", "511 Command Not Permitted on a dead channel or intercept routine");
                    // One write per reply, as Asterisk sends a reply and the HANGUP behind it.
                    StringBuilder chunk = new StringBuilder();
                    for (String line : reply) {
                        hungUp |= line.equals("HANGUP");
                        chunk.append(line).append('\n');
                    }
                    out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server neither sent a command nor closed within 15 s");
            }
            assertThat(commandsAfterHangup).isLessThanOrEqualTo(1);
        }
        // And the server is none the worse for it.
        assertThat(server.call("311", TestServer.ORDINARY).route()).contains(TestServer.ORDINARY_ROUTE);
    }
}
