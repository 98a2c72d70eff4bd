package org.onecall.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.onecall.broadcast.Board;
import org.onecall.config.AdminToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrators' HTTP API on Jetty's core handler API: no servlets, one handler that hands
 * each request to {@link AdminApi} and writes its JSON answer.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    /** A switch request is a reason and an expiry; anything near this size is not one. */
    static final int MAX_BODY = 16 * 1024;
    /** Administrators, not callers: a handful of threads is plenty, and bounds what a flood can take. */
    private static final int MAX_THREADS = 16;

    private final Server jetty;
    private final ServerConnector connector;

    private AdminServer(Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    /**
     * Listens and serves until closed.
     *
     * @param tokens who may use the API, asked on every request so that an edit of the tokens
     *               file (a reload) grants or revokes at once
     * @throws IOException when the address cannot be listened on
     */
    public static AdminServer start(InetSocketAddress listen, Board board, AnnouncementCatalog catalog,
                                    Supplier<List<AdminToken>> tokens, InstantSource clock) throws IOException {
        AdminApi api = new AdminApi(board, catalog, tokens, clock, version());
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("admin-http");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(listen.getAddress().getHostAddress());
        connector.setPort(listen.getPort());
        connector.setIdleTimeout(30_000);
        jetty.addConnector(connector);
        jetty.setHandler(new ApiHandler(api));
        jetty.setErrorHandler(new JsonErrors());
        // Stop at once: a graceful stop costs every shutdown a second even when idle, and an
        // administrator whose switch was cut by a stop sees the error and runs it again.
        jetty.setStopTimeout(0);
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            throw new IOException("the admin API cannot listen on " + listen.getAddress().getHostAddress() + ":"
                    + listen.getPort() + " (" + e.getMessage() + "); set admin.port to a free port, or leave it empty"
                    + " to turn the API off", e);
        }
        AdminServer server = new AdminServer(jetty, connector);
        log.info("admin API listening on {}", server.url());
        return server;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /** Where ./onecall announce --server reaches it. */
    public String url() {
        String host = connector.getHost();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort();
    }

    @Override
    public void close() {
        stopQuietly(jetty);
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            log.warn("admin API did not stop cleanly: {}", e.toString());
        }
    }

    /** The version in the jar's manifest; a build from classes (tests, the IDE) has none. */
    static String version() {
        return Optional.ofNullable(AdminServer.class.getPackage().getImplementationVersion()).orElse("development");
    }

    private static final class ApiHandler extends Handler.Abstract {
        private final AdminApi api;

        ApiHandler(AdminApi api) {
            this.api = api;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws IOException {
            byte[] body;
            try (InputStream in = Request.asInputStream(request)) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            AdminApi.Reply reply;
            if (body.length > MAX_BODY) {
                reply = AdminApi.tooLarge(MAX_BODY);
            } else {
                Map<String, String> query = new LinkedHashMap<>();
                Fields fields = Request.extractQueryParameters(request);
                fields.forEach(f -> query.put(f.getName(), f.getValue()));
                reply = api.handle(new AdminApi.Call(request.getMethod(), Request.getPathInContext(request), query,
                        Optional.ofNullable(request.getHeaders().get(HttpHeader.AUTHORIZATION)), body,
                        Request.getRemoteAddr(request)));
            }
            answer(response, reply, callback);
            return true;
        }
    }

    /** Errors Jetty answers itself (a malformed URI, oversized headers) are JSON too. */
    private static final class JsonErrors extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            answer(response, new AdminApi.Reply(code, new AdminApi.ErrorBody("http-" + code, Optional.empty(),
                    message == null ? "HTTP " + code : message), Map.of()), callback);
        }
    }

    private static void answer(Response response, AdminApi.Reply reply, Callback callback) {
        byte[] json;
        try {
            // Pretty and newline-terminated: people read it with curl too.
            json = (AdminApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reply.body()) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.write(true, ByteBuffer.wrap(json), callback);
    }
}
