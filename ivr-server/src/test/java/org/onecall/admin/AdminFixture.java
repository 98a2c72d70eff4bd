package org.onecall.admin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onecall.TestClock;
import org.onecall.broadcast.Board;
import org.onecall.broadcast.MemoryBoard;
import org.onecall.config.AdminToken;

/** A real admin API on a free loopback port, over an in-memory board, with two administrators. */
final class AdminFixture implements AutoCloseable {
    static final String ALICE = "onecall_alice-may-switch-0123456789abcdefghijklmnopq";
    static final String VICTOR = "onecall_victor-may-only-view-0123456789abcdefghijklm";
    static final AnnouncementCatalog CATALOG = AnnouncementCatalog.of(Map.of(
            "metro-311", List.of(
                    new AnnouncementCatalog.Listed("snow", Optional.of("snow"), "announce-snow"),
                    new AnnouncementCatalog.Listed("water-main", Optional.of("water-main"), "announce-water-main"),
                    new AnnouncementCatalog.Listed("high-volume", Optional.empty(), "announce-high-volume")),
            "gyeonggi-120", List.of()));

    final TestClock clock = new TestClock(TestClock.ALL_OPEN);
    final Board board;
    final AtomicReference<List<AdminToken>> tokens = new AtomicReference<>(List.of(
            new AdminToken("alice", AdminToken.Role.SWITCH, Tokens.sha256(ALICE)),
            new AdminToken("victor", AdminToken.Role.VIEW, Tokens.sha256(VICTOR))));
    final AdminServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer as a client sees it. */
    record Answer(int status, JsonNode json, HttpResponse<String> response) {
        String message() {
            return json.path("message").asText();
        }
    }

    AdminFixture() throws IOException {
        this.board = new MemoryBoard(clock);
        this.server = start(board);
    }

    AdminFixture(Board board) throws IOException {
        this.board = board;
        this.server = start(board);
    }

    private AdminServer start(Board b) throws IOException {
        return AdminServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), b, CATALOG, tokens::get,
                clock);
    }

    String url() {
        return server.url();
    }

    Answer get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    Answer post(String path, String token, String body) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body()), r);
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    @Override
    public void close() {
        server.close();
        http.close();
    }
}
