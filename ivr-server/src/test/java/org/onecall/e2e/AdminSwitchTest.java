package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.cli.Main;
import org.onecall.emulator.CallerScript;

import picocli.CommandLine;

/** An administrator switches an announcement from the command line; the next caller hears the change. */
class AdminSwitchTest {
    static final String TOKEN = "onecall_duty-supervisor-0123456789abcdefghijklmnopqrstuv";

    @TempDir
    Path tmp;

    private static int announce(String url, String token, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "announce";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--server";
        all[args.length + 2] = url;
        all[args.length + 3] = "--token";
        all[args.length + 4] = token;
        PrintStream out = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(new Main()).execute(all);
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void announceOn_reachesTheNextCaller_announceOff_stopsIt_andAWrongTokenChangesNothing() throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(TOKEN.getBytes(StandardCharsets.UTF_8)));
        try (TestServer server = TestServer.start(tmp)) {
            Files.writeString(server.config.resolve("admin-tokens.yaml"),
                    "tokens:\n  - {name: duty, role: switch, sha256: \"" + hash + "\"}\n");
            Thread.sleep(400); // the reload picks the token up
            String url = server.server.adminUrl().orElseThrow();

            assertThat(announce(url, "onecall_not-a-token-000000000000000000000000000000000", "on", "--center",
                    "metro-311", "--id", "snow", "--reason", "storm")).isEqualTo(3);
            assertThat(server.call("311", TestServer.ORDINARY).prompts()).doesNotContain("onecall/metro-311/announce-snow");

            assertThat(announce(url, TOKEN, "on", "--center", "metro-311", "--id", "snow", "--reason",
                    "snow emergency declared")).isZero();
            assertThat(server.call("311", CallerScript.keys("2", "", "2", "1", "1")).prompts())
                    .containsSubsequence("onecall/metro-311/announce-snow", "onecall/metro-311/offer-snow",
                            "onecall/metro-311/main-menu");

            assertThat(announce(url, TOKEN, "off", "--center", "metro-311", "--id", "snow", "--reason", "cleared"))
                    .isZero();
            assertThat(server.call("311", TestServer.ORDINARY).prompts()).doesNotContain("onecall/metro-311/announce-snow");
            assertThat(announce(url, TOKEN, "suppress", "--center", "metro-311", "--id", "snow", "--reason",
                    "forecast only")).as("a suppression needs a period").isEqualTo(1);
            assertThat(announce(url, TOKEN, "suppress", "--center", "metro-311", "--id", "snow", "--reason",
                    "parade, crowds expected", "--expires-in", "6h")).isZero();
            assertThat(server.server.board().current("metro-311").get("snow").state())
                    .isEqualTo(org.onecall.broadcast.AnnouncementState.SUPPRESSED);
            assertThat(server.server.board().audit("metro-311", 5)).extracting(e -> e.actor())
                    .containsExactly("admin:duty", "admin:duty", "admin:duty");
        }
    }
}
