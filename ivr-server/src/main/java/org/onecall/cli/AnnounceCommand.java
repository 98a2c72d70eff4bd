package org.onecall.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code onecall announce}: lists and switches a center's announcements through a running server's admin API. */
@Command(name = "announce", mixinStandardHelpOptions = true,
        description = {
            "List and switch a center's announcements on a running OneCall server (its admin HTTP API).",
            "  list   every announcement with its state, expiry, and who changed it, when and why",
            "  arm    ready to start by itself when calls about its topic spike",
            "  on     callers hear it from the next call on (--reason required)",
            "  off    callers stop hearing it",
            "  audit  the latest changes",
            "The token comes from --token or ONECALL_ADMIN_TOKEN (./onecall admin-token makes one).",
            "Example: onecall announce on --center metro-311 --id snow --reason \"snow emergency\" --expires-in 4h"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:the server refused the request as it stands (it names the option to fix)",
            "2:bad options",
            "3:no token, a token the server does not know, or one that may not switch",
            "4:no such center or announcement on that server",
            "5:no server answers at --server, or it cannot make the change now (its database is away)"})
final class AnnounceCommand implements Callable<Integer> {
    static final int DONE = 0;
    static final int REFUSED = 1;
    static final int NOT_ALLOWED = 3;
    static final int NOT_FOUND = 4;
    static final int UNAVAILABLE = 5;
    static final String TOKEN_VARIABLE = "ONECALL_ADMIN_TOKEN";

    enum Action { list, arm, on, off, suppress, audit }

    /** What each option is called on the server's side, so its messages can name the option here. */
    private static final Map<String, String> OPTION_OF_FIELD = Map.of("reason", "--reason", "expiresIn",
            "--expires-in", "expires", "--expires", "limit", "--limit");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "list|arm|on|off|suppress|audit", description = "What to do (suppress:"
            + " no automatic start until --expires-in has passed).")
    Action action;

    @Option(names = "--center", required = true, paramLabel = "ID", description = "The center, e.g. metro-311.")
    String center;

    @Option(names = "--id", paramLabel = "ANNOUNCEMENT", description = "The announcement (arm, on, off).")
    String id;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; recorded in the audit (required for on).")
    String reason;

    @Option(names = "--expires-in", paramLabel = "DURATION",
            description = "It switches itself off after this long: 30m, 4h, 2d.")
    String expiresIn;

    @Option(names = "--expires", paramLabel = "TIME",
            description = "It switches itself off at this time: 2026-12-01T18:00:00Z or 2026-12-01T13:00:00-05:00.")
    String expires;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many changes audit shows (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:8311",
            description = "The server's admin API (default: ${DEFAULT-VALUE}).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The admin token (default: $" + TOKEN_VARIABLE + "; better there than on a command line"
                    + " others can see).")
    String token;

    @Option(names = "--json", description = "Print the server's JSON answer instead of a table.")
    boolean json;

    /** The environment, for the token; tests give their own. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI base = base();
        if (action != Action.list && action != Action.audit && (id == null || id.isBlank())) {
            throw new ParameterException(spec.commandLine(), action + " needs --id ANNOUNCEMENT; ./onecall announce list"
                    + " --center " + center + " shows them");
        }
        String presented = token != null ? token : environment.get(TOKEN_VARIABLE);
        if (presented == null || presented.isBlank()) {
            err.println("no token: pass --token or set " + TOKEN_VARIABLE + " (./onecall admin-token makes one)");
            err.flush();
            return NOT_ALLOWED;
        }
        String centerPath = base + "/api/centers/" + segment(center);
        HttpRequest.Builder request = switch (action) {
            case list -> HttpRequest.newBuilder(URI.create(centerPath + "/announcements")).GET();
            case audit -> HttpRequest.newBuilder(URI.create(centerPath + "/audit?limit=" + limit)).GET();
            case arm, on, off, suppress -> HttpRequest.newBuilder(URI.create(centerPath + "/announcements/" + segment(id) + "/"
                    + verb(action))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body()));
        };
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            response = client.send(request.header("Authorization", "Bearer " + presented.strip())
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            err.println("no OneCall admin API answers at " + base + " (connection refused): is ./onecall serve"
                    + " running there, with admin.port set? Point --server at it.");
            err.flush();
            return UNAVAILABLE;
        } catch (HttpTimeoutException e) {
            err.println("the admin API at " + base + " did not answer in time");
            err.flush();
            return UNAVAILABLE;
        } catch (IOException e) {
            err.println("cannot reach the admin API at " + base + ": " + e.getMessage());
            err.flush();
            return UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNAVAILABLE;
        }
        int code = outcome(response, out, err);
        out.flush();
        err.flush();
        return code;
    }

    private int outcome(HttpResponse<String> response, PrintWriter out, PrintWriter err) {
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            err.println("the server at " + server + " answered " + response.statusCode() + " with something that is"
                    + " not the admin API's JSON; is --server the admin port (admin.port), not another service?");
            return UNAVAILABLE;
        }
        int status = response.statusCode();
        if (status == 200) {
            if (json) {
                out.print(response.body());
            } else {
                switch (action) {
                    case list -> list(answer, out);
                    case audit -> audit(answer, out);
                    case arm, on, off, suppress -> changed(answer, out);
                }
            }
            return DONE;
        }
        String message = answer.path("message").asText("HTTP " + status);
        return switch (status) {
            case 401 -> {
                err.println("the server refused the token: " + message);
                yield NOT_ALLOWED;
            }
            case 403 -> {
                err.println("not allowed: " + message);
                yield NOT_ALLOWED;
            }
            case 404 -> {
                err.println(message);
                yield NOT_FOUND;
            }
            case 503 -> {
                err.println(message);
                yield UNAVAILABLE;
            }
            default -> {
                String option = OPTION_OF_FIELD.get(answer.path("field").asText(""));
                err.println("the server refused: " + message + (option == null ? "" : " (" + option + ")"));
                yield REFUSED;
            }
        };
    }

    /** The last word of a switch's URL. */
    private static String verb(Action a) {
        return switch (a) {
            case arm -> "arm";
            case on -> "activate";
            case off -> "deactivate";
            case suppress -> "suppress";
            case list, audit -> throw new IllegalArgumentException(a + " switches nothing");
        };
    }

    private String body() {
        ObjectNode b = JSON.createObjectNode();
        if (reason != null) {
            b.put("reason", reason);
        }
        if (expiresIn != null) {
            b.put("expiresIn", expiresIn);
        }
        if (expires != null) {
            b.put("expires", expires);
        }
        return b.toString();
    }

    private URI base() {
        String s = server.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new ParameterException(spec.commandLine(), "--server: '" + server + "' is not a URL like"
                    + " http://127.0.0.1:8311");
        }
        return uri;
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void list(JsonNode answer, PrintWriter out) {
        JsonNode all = answer.path("announcements");
        if (all.isEmpty()) {
            out.println(answer.path("center").asText() + " has no announcements (its center file lists none)");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ID", "STATE", "TOPIC", "EXPIRES", "CHANGED", "BY", "REASON"));
        for (JsonNode a : all) {
            rows.add(List.of(a.path("id").asText(), state(a), text(a, "topic"), text(a, "expires"),
                    text(a, "changedAt"), text(a, "changedBy"), text(a, "reason")));
        }
        table(rows, out);
    }

    private void audit(JsonNode answer, PrintWriter out) {
        JsonNode all = answer.path("audit");
        if (all.isEmpty()) {
            out.println(answer.path("center").asText() + ": no changes yet");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("AT", "ANNOUNCEMENT", "CHANGE", "BY", "REASON", "CALLS/HOUR"));
        for (JsonNode e : all) {
            String rates = e.path("observedPerHour").isNumber()
                    ? String.format(Locale.ROOT, "%.0f (usually %.0f)", e.path("observedPerHour").asDouble(),
                    e.path("expectedPerHour").asDouble())
                    : "-";
            rows.add(List.of(e.path("at").asText(), e.path("announcement").asText(),
                    e.path("from").asText() + " -> " + e.path("to").asText(), e.path("by").asText(), text(e, "reason"),
                    rates));
        }
        table(rows, out);
    }

    private void changed(JsonNode a, PrintWriter out) {
        out.println(center + "/" + a.path("id").asText() + " is now " + state(a)
                + (a.path("expires").isTextual() ? " until " + a.path("expires").asText() : "")
                + " (" + a.path("changedBy").asText() + (text(a, "reason").equals("-") ? "" : ": "
                + a.path("reason").asText()) + ")");
    }

    /** Playing is what callers notice: an active announcement past its expiry no longer plays. */
    private static String state(JsonNode a) {
        String state = a.path("state").asText();
        if (state.equals("active")) {
            return a.path("playing").asBoolean() ? "ACTIVE" : "active (expired)";
        }
        return state;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() || v.asText().isBlank() ? "-" : v.asText();
    }

    private static void table(List<List<String>> rows, PrintWriter out) {
        Map<Integer, Integer> widths = new LinkedHashMap<>();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths.merge(i, row.get(i).length(), Math::max);
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                boolean last = i == row.size() - 1;
                line.append(last ? row.get(i) : String.format("%-" + widths.get(i) + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
