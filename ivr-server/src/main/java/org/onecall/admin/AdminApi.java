package org.onecall.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.onecall.broadcast.Actor;
import org.onecall.broadcast.Announcement;
import org.onecall.broadcast.AnnouncementState;
import org.onecall.broadcast.AuditEntry;
import org.onecall.broadcast.Board;
import org.onecall.broadcast.Board.BoardException;
import org.onecall.config.AdminToken;
import org.onecall.config.AdminToken.Role;
import org.onecall.config.Durations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the admin API answers, apart from HTTP itself: a request in, a status and a JSON body out.
 * The board is the single truth; a switch goes straight to it, so the next caller hears it as
 * soon as the board says so.
 */
final class AdminApi {
    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> SWITCH_FIELDS = Set.of("reason", "expires", "expiresIn");
    private static final int MAX_REASON = 500;
    /**
     * The furthest an expiry may lie ahead. An emergency message is not for years; without a cap
     * a far date passed here and failed in the database (DATETIME ends with the year 9999).
     */
    private static final Duration MAX_AHEAD = Duration.ofDays(365);
    private static final int DEFAULT_AUDIT = 50;
    private static final int MAX_AUDIT = 1000;

    private final Board board;
    private final AnnouncementCatalog catalog;
    private final Supplier<List<AdminToken>> tokens;
    private final InstantSource clock;
    private final String version;

    AdminApi(Board board, AnnouncementCatalog catalog, Supplier<List<AdminToken>> tokens, InstantSource clock,
             String version) {
        this.board = board;
        this.catalog = catalog;
        this.tokens = tokens;
        this.clock = clock;
        this.version = version;
    }

    /** One request as the API sees it: the path decoded, the body as received. */
    record Call(String method, String path, Map<String, String> query, Optional<String> authorization, byte[] body,
                String remote) {
    }

    /** The answer: a status, a JSON body, and any extra headers. */
    record Reply(int status, Object body, Map<String, String> headers) {
        static Reply ok(Object body) {
            return new Reply(200, body, Map.of());
        }
    }

    /** A refusal with its status; {@code field} names the part of the request at fault. */
    static final class Refusal extends Exception {
        final int status;
        final String error;
        final Optional<String> field;
        final Map<String, String> headers;

        Refusal(int status, String error, Optional<String> field, String message, Map<String, String> headers) {
            super(message, null, false, false);
            this.status = status;
            this.error = error;
            this.field = field;
            this.headers = headers;
        }

        static Refusal badField(String field, String message) {
            return new Refusal(400, "bad-request", Optional.of(field), field + ": " + message, Map.of());
        }

        static Refusal notFound(String message) {
            return new Refusal(404, "not-found", Optional.empty(), message, Map.of());
        }

        Reply reply() {
            return new Reply(status, new ErrorBody(error, field, getMessage()), headers);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record ErrorBody(String error, Optional<String> field, String message) {
    }

    record Health(String status, String version) {
    }

    record AnnouncementView(String id, Optional<String> topic, String prompt, String state, boolean playing,
                            Optional<Instant> expires, Optional<Instant> changedAt, Optional<String> changedBy,
                            Optional<String> reason) {
    }

    record AnnouncementList(String center, List<AnnouncementView> announcements) {
    }

    record AuditView(long seq, String announcement, String from, String to, Instant at, String by, String reason,
                     Optional<Double> observedPerHour, Optional<Double> expectedPerHour) {
    }

    record AuditList(String center, List<AuditView> audit) {
    }

    /** What an administrator can do to an announcement, as the last word of its URL. */
    enum Action {
        ARM(AnnouncementState.ARMED), ACTIVATE(AnnouncementState.ACTIVE), DEACTIVATE(AnnouncementState.OFF),
        SUPPRESS(AnnouncementState.SUPPRESSED);

        final AnnouncementState to;

        Action(AnnouncementState to) {
            this.to = to;
        }

        static Optional<Action> of(String word) {
            return Arrays.stream(values()).filter(a -> a.name().toLowerCase(Locale.ROOT).equals(word)).findFirst();
        }
    }

    /** What a switch request asks beyond its URL. */
    private record Change(String reason, Optional<Instant> expires) {
    }

    Reply handle(Call call) {
        try {
            return route(call);
        } catch (Refusal r) {
            return r.reply();
        } catch (RuntimeException e) {
            log.error("admin API: {} {} failed", call.method(), printable(call.path()), e);
            return new Refusal(500, "internal", Optional.empty(), "the server failed; its log says why", Map.of())
                    .reply();
        }
    }

    static Reply tooLarge(int limit) {
        return new Refusal(413, "too-large", Optional.of("body"), "body: larger than " + limit + " bytes", Map.of())
                .reply();
    }

    private Reply route(Call call) throws Refusal {
        List<String> p = segments(call.path());
        if (p.equals(List.of("api", "health"))) {
            allow(call, "GET");
            // The one request without a token: load balancers and monitors ask it.
            return Reply.ok(new Health("ok", version));
        }
        AdminToken who = authenticate(call);
        if (p.size() >= 4 && p.get(0).equals("api") && p.get(1).equals("centers")) {
            String center = p.get(2);
            if (p.size() == 4 && p.get(3).equals("announcements")) {
                allow(call, "GET");
                require(who, Role.VIEW, call);
                return Reply.ok(list(center));
            }
            if (p.size() == 4 && p.get(3).equals("audit")) {
                allow(call, "GET");
                require(who, Role.VIEW, call);
                return Reply.ok(audit(center, call.query().get("limit")));
            }
            if (p.size() == 6 && p.get(3).equals("announcements")) {
                Optional<Action> action = Action.of(p.get(5));
                if (action.isPresent()) {
                    allow(call, "POST");
                    require(who, Role.SWITCH, call);
                    return Reply.ok(change(who, center, p.get(4), action.get(), call.body()));
                }
            }
        }
        throw Refusal.notFound("no such endpoint: " + call.method() + " " + call.path() + "; the API has GET"
                + " /api/centers/{center}/announcements, POST .../announcements/{id}/arm|activate|deactivate|suppress and"
                + " GET /api/centers/{center}/audit");
    }

    private AnnouncementList list(String center) throws Refusal {
        List<AnnouncementCatalog.Listed> listed = listed(center);
        Map<String, Announcement> states = board.current(center);
        Instant now = clock.instant();
        return new AnnouncementList(center, listed.stream().map(l -> view(l, Optional.ofNullable(states.get(l.id())),
                now)).toList());
    }

    private static AnnouncementView view(AnnouncementCatalog.Listed l, Optional<Announcement> state, Instant now) {
        // An id the board has never seen is off: nobody switched it yet.
        return new AnnouncementView(l.id(), l.topic(), l.prompt(),
                state.map(a -> lower(a.state())).orElse(lower(AnnouncementState.OFF)),
                state.map(a -> a.playing(now)).orElse(false),
                state.flatMap(Announcement::expires), state.map(Announcement::changedAt),
                state.map(Announcement::changedBy), state.map(Announcement::reason));
    }

    private AuditList audit(String center, String limitText) throws Refusal {
        listed(center);
        int limit = DEFAULT_AUDIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                throw Refusal.badField("limit", "'" + printable(limitText) + "' is not a whole number");
            }
            if (limit < 1 || limit > MAX_AUDIT) {
                throw Refusal.badField("limit", limit + " is not from 1 to " + MAX_AUDIT);
            }
        }
        try {
            return new AuditList(center, board.audit(center, limit).stream().map(AdminApi::view).toList());
        } catch (BoardException e) {
            log.warn("admin API: the audit of {} cannot be read: {}", center, e.getMessage());
            throw new Refusal(503, "unavailable", Optional.empty(), "the audit cannot be read now ("
                    + e.getMessage() + "); try again when the database is back", Map.of("Retry-After", "5"));
        }
    }

    private static AuditView view(AuditEntry e) {
        return new AuditView(e.seq(), e.announcement(), lower(e.from()), lower(e.to()), e.at(), e.actor(), e.reason(),
                e.observedPerHour(), e.expectedPerHour());
    }

    private AnnouncementView change(AdminToken who, String center, String id, Action action, byte[] body)
            throws Refusal {
        List<AnnouncementCatalog.Listed> all = listed(center);
        AnnouncementCatalog.Listed listed = all.stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.notFound(center + " has no announcement '" + printable(id) + "'; "
                        + (all.isEmpty() ? "its center file lists none" : "it has "
                        + all.stream().map(AnnouncementCatalog.Listed::id).toList())));
        Change change = parse(action, body);
        Announcement after;
        try {
            after = board.change(center, id, action.to, change.expires(), new Actor.Administrator(who.name()),
                    change.reason());
        } catch (BoardException e) {
            log.warn("admin API: {} could not {} {}/{}: {}", who.name(), lower(action), center, id, e.getMessage());
            throw new Refusal(503, "unavailable", Optional.empty(), "the change was not made: the announcement"
                    + " board cannot be reached (" + e.getMessage() + "); try again when the database is back",
                    Map.of("Retry-After", "5"));
        }
        log.info("announcement {}/{} {} by admin {}{}{}", center, id, lower(action.to), who.name(),
                change.expires().map(x -> " until " + x).orElse(""),
                change.reason().isEmpty() ? "" : ": " + change.reason());
        return view(listed, Optional.of(after), clock.instant());
    }

    private Change parse(Action action, byte[] body) throws Refusal {
        JsonNode json;
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        if (text.isBlank()) {
            json = JSON.createObjectNode();
        } else {
            try {
                json = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw Refusal.badField("body", "is not JSON (" + e.getOriginalMessage() + "); send an object like"
                        + " {\"reason\": \"snow emergency\", \"expiresIn\": \"4h\"}");
            }
        }
        if (!json.isObject()) {
            throw Refusal.badField("body", "is not a JSON object; send one like {\"reason\": \"snow emergency\"}");
        }
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String name = field.getKey();
            if (!SWITCH_FIELDS.contains(name)) {
                throw Refusal.badField(printable(name), "unknown field; a switch takes reason, expires and expiresIn");
            }
            if (!field.getValue().isTextual() && !field.getValue().isNull()) {
                throw Refusal.badField(name, "must be a string");
            }
        }
        String reason = text(json, "reason").map(String::strip).orElse("");
        if (reason.isEmpty() && action == Action.ACTIVATE) {
            throw Refusal.badField("reason", "required to activate an announcement: say why callers hear it (it goes"
                    + " into the audit)");
        }
        if (reason.length() > MAX_REASON) {
            throw Refusal.badField("reason", "longer than " + MAX_REASON + " characters");
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            throw Refusal.badField("reason", "must be one line of text");
        }
        Optional<String> at = text(json, "expires");
        Optional<String> in = text(json, "expiresIn");
        if (at.isPresent() && in.isPresent()) {
            throw Refusal.badField("expires", "give expires or expiresIn, not both");
        }
        if (action == Action.DEACTIVATE && (at.isPresent() || in.isPresent())) {
            throw Refusal.badField(at.isPresent() ? "expires" : "expiresIn", "an announcement switched off has no"
                    + " expiry");
        }
        Instant now = clock.instant();
        Optional<Instant> expires = Optional.empty();
        if (at.isPresent()) {
            expires = Optional.of(instant(at.get()));
            if (!expires.get().isAfter(now)) {
                throw Refusal.badField("expires", at.get() + " is not in the future (now is " + now + ")");
            }
            if (expires.get().isAfter(now.plus(MAX_AHEAD))) {
                throw Refusal.badField("expires", printable(at.get()) + " is more than " + Durations.format(MAX_AHEAD)
                        + " ahead (now is " + now + "); an announcement expires within a year");
            }
        } else if (in.isPresent()) {
            Duration d;
            try {
                d = Durations.parse(in.get());
            } catch (IllegalArgumentException e) {
                throw Refusal.badField("expiresIn", "'" + printable(in.get()) + "' is not a duration like 30m, 4h or"
                        + " 2d, of at most " + Durations.format(MAX_AHEAD));
            }
            if (d.isZero() || d.isNegative()) {
                throw Refusal.badField("expiresIn", "must be more than 0");
            }
            if (d.compareTo(MAX_AHEAD) > 0) {
                throw Refusal.badField("expiresIn", "'" + printable(in.get()) + "' is more than "
                        + Durations.format(MAX_AHEAD) + "; an announcement expires within a year");
            }
            expires = Optional.of(now.plus(d));
        }
        if (action == Action.SUPPRESS && expires.isEmpty()) {
            throw Refusal.badField("expiresIn", "a suppression is for a period: give expires or expiresIn");
        }
        return new Change(reason, expires);
    }

    private static Instant instant(String text) throws Refusal {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.badField("expires", "'" + printable(text) + "' is not a time like 2026-12-01T18:00:00Z or"
                    + " 2026-12-01T13:00:00-05:00");
        }
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
    }

    private List<AnnouncementCatalog.Listed> listed(String center) throws Refusal {
        return catalog.announcements(center)
                .orElseThrow(() -> Refusal.notFound("no center '" + printable(center) + "' on this server"));
    }

    private AdminToken authenticate(Call call) throws Refusal {
        Map<String, String> challenge = Map.of("WWW-Authenticate", "Bearer realm=\"onecall\"");
        Optional<String> presented = call.authorization().map(String::strip)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).strip())
                .filter(t -> !t.isEmpty());
        if (presented.isEmpty()) {
            refused(call, call.authorization().isPresent() ? "an Authorization header that is not a bearer token"
                    : "no token");
            throw new Refusal(401, "unauthorized", Optional.empty(), "send a token: Authorization: Bearer <token>"
                    + " (./onecall admin-token makes one)", challenge);
        }
        Optional<AdminToken> holder = Tokens.holder(presented.get(), tokens.get());
        if (holder.isEmpty()) {
            refused(call, "an unknown token");
            throw new Refusal(401, "unauthorized", Optional.empty(), "the token is not known here: mistyped, or"
                    + " revoked from the tokens file", challenge);
        }
        return holder.get();
    }

    private static void require(AdminToken who, Role needed, Call call) throws Refusal {
        if (!who.role().allows(needed)) {
            log.warn("admin API: refused {} {} from {}: {} may only {}", call.method(), printable(call.path()),
                    call.remote(), who.name(), lower(who.role()));
            throw new Refusal(403, "forbidden", Optional.empty(), who.name() + "'s token may " + lower(who.role())
                    + " but not " + lower(needed) + "; ask for a " + lower(needed) + " token", Map.of());
        }
    }

    private static void allow(Call call, String method) throws Refusal {
        if (!call.method().equals(method)) {
            throw new Refusal(405, "method-not-allowed", Optional.empty(), call.path() + " takes " + method,
                    Map.of("Allow", method));
        }
    }

    private static void refused(Call call, String why) {
        // Never the token itself: the log is read by more people than the tokens file.
        log.warn("admin API: refused {} {} from {}: {}", call.method(), printable(call.path()), call.remote(), why);
    }

    private static List<String> segments(String path) {
        List<String> parts = new ArrayList<>(Arrays.asList(path.split("/", -1)));
        parts.removeIf(String::isEmpty);
        return parts;
    }

    /** Text from a request, safe for one log line. */
    private static String printable(String s) {
        String t = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return t.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
