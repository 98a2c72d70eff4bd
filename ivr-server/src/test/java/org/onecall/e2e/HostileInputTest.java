package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.Route;
import org.onecall.emulator.Transcript;

/**
 * The FastAGI port faces the network. Broken or hostile peers are cut off and never take the
 * server down: after each attack, an ordinary call must still work.
 */
class HostileInputTest {
    static final String HEADER = "agi_network: yes\nagi_network_script: 311\nagi_request: agi://127.0.0.1/311\n"
            + "agi_channel: PJSIP/x-00000001\nagi_language: en\nagi_uniqueid: 1795540000.1\n"
            + "agi_callerid: 2025550123\nagi_dnid: 311\nagi_extension: 311\n\n";

    @TempDir
    static Path tmp;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(tmp, "agi.header-timeout=500ms", "agi.reply-timeout=10s", "agi.allowed=127.0.0.1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void anOrdinaryCallStillWorks() throws Exception {
        Transcript t = server.call("311", TestServer.ORDINARY);
        assertThat(t.route()).contains(TestServer.ORDINARY_ROUTE);
    }

    private static Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(server.server.agiAddress(), 2000);
        s.setSoTimeout(5000);
        return s;
    }

    /** Reads until the server closes; fails if it keeps the connection open for 5 s. */
    private static String readUntilClosed(Socket s) throws IOException {
        StringBuilder got = new StringBuilder();
        InputStream in = s.getInputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                got.append((char) b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open; it had sent: " + got);
        } catch (SocketException e) {
            // reset by the server: closed all the same
        }
        return got.toString();
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void oversizedHeaderLine_isCutOff() throws Exception {
        try (Socket s = connect()) {
            try {
                send(s, "agi_network: " + "x".repeat(200_000) + "\n");
            } catch (SocketException e) {
                // cut off while we were still writing
            }
            assertThat(readUntilClosed(s)).isEmpty();
        }
    }

    @Test
    void endlessHeader_isCutOff() throws Exception {
        try (Socket s = connect()) {
            try {
                for (int i = 0; i < 5_000; i++) {
                    send(s, "agi_arg_" + i + ": more\n");
                }
            } catch (SocketException e) {
                // cut off while we were still writing
            }
            assertThat(readUntilClosed(s)).isEmpty();
        }
    }

    @Test
    void httpRequest_isNotMistakenForAsterisk() throws Exception {
        try (Socket s = connect()) {
            send(s, "GET / HTTP/1.1\r\nHost: onecall\r\n\r\n");
            assertThat(readUntilClosed(s)).isEmpty();
        }
    }

    @Test
    void binaryGarbage_isCutOff() throws Exception {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        try (Socket s = connect()) {
            s.getOutputStream().write(junk);
            s.getOutputStream().write('\n');
            assertThat(readUntilClosed(s)).isEmpty();
        }
    }

    @Test
    void idlePeer_isCutOffAfterTheHeaderTimeout() throws Exception {
        try (Socket s = connect()) {
            long start = System.nanoTime();
            assertThat(readUntilClosed(s)).isEmpty();
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(400L, 4000L);
        }
    }

    @Test
    void slowPeer_dripFeedingTheHeader_isCutOffAtTheDeadline() throws Exception {
        try (Socket s = connect()) {
            long start = System.nanoTime();
            try {
                for (char c : HEADER.toCharArray()) {
                    send(s, String.valueOf(c));
                    Thread.sleep(50);
                    if (System.nanoTime() - start > 3_000_000_000L) {
                        break;
                    }
                }
            } catch (SocketException e) {
                // cut off while we were still writing
            }
            assertThat(readUntilClosed(s)).isEmpty();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000L);
        }
    }

    @Test
    void halfOpenPeer_closingMidHeader_isDropped() throws Exception {
        try (Socket s = connect()) {
            send(s, "agi_network: yes\nagi_network_script: 311\n");
            s.shutdownOutput();
            assertThat(readUntilClosed(s)).isEmpty();
        }
    }

    @Test
    void peerNotInTheAllowList_isRefusedBeforeAnyCommand() throws Exception {
        try (Socket s = new Socket()) {
            // 127.0.0.2 is loopback too, but agi.allowed names only 127.0.0.1.
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            s.connect(server.server.agiAddress(), 2000);
            s.setSoTimeout(5000);
            send(s, HEADER);
            assertThat(readUntilClosed(s)).isEmpty();
        }
    }

    @Test
    void garbageWhereAReplyBelongs_endsThatCallOnly() throws Exception {
        try (Socket s = connect()) {
            send(s, HEADER);
            InputStream in = s.getInputStream();
            String first = readLine(in);
            assertThat(first).isEqualTo("ANSWER");
            send(s, "HTTP/1.1 200 OK\n");
            assertThat(readUntilClosed(s)).doesNotContain("STREAM FILE");
        }
    }

    @Test
    void floodOfUnaskedLines_isCutOff() throws Exception {
        try (Socket s = connect()) {
            send(s, HEADER);
            readLine(s.getInputStream());
            try {
                send(s, "200 result=0\n".repeat(20_000));
            } catch (SocketException e) {
                // cut off while we were still writing
            }
            readUntilClosed(s);
        }
    }

    @Test
    void peerThatStopsAnswering_isCutOffAfterTheReplyTimeout() throws Exception {
        try (TestServer impatient = TestServer.start(tmp.resolve("impatient"), "agi.reply-timeout=10s");
             Socket s = new Socket()) {
            s.connect(impatient.server.agiAddress(), 2000);
            s.setSoTimeout(15_000);
            send(s, HEADER);
            assertThat(readLine(s.getInputStream())).isEqualTo("ANSWER");
            long start = System.nanoTime();
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // the server says nothing more and then closes
            }
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(9_000L, 14_000L);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            sb.append((char) b);
        }
        return sb.toString();
    }
}
