package org.onecall.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onecall.config.Center;

/**
 * One row of a routing table, written as a sentence: a call to a center, the moment it arrives,
 * how busy the desks are, and where it must go.
 *
 * <pre>
 * call(METRO, "pothole, streets desk has nobody ready").about("pothole").at(WEDNESDAY, "10:00")
 *         .noAgentReadyIn(STREETS).goesTo(GENERAL).because("no agent ready in " + STREETS)
 * </pre>
 *
 * Unless a row says otherwise every desk has one agent ready and nobody waiting, the caller speaks
 * the center's default language, and the expected route has priority 0 and no interpreter.
 */
final class RouteCase {
    private final String scenario;
    private final Center center;
    private Optional<String> topic = Optional.empty();
    private Optional<String> city = Optional.empty();
    private String language;
    private boolean interpreterPath;
    private boolean from911;
    private Instant at;
    private final Map<String, Integer> ready = new HashMap<>();
    private final Map<String, Integer> waiting = new HashMap<>();

    private String queue;
    private boolean closed;
    private int priority;
    private boolean interpreter;
    private Optional<List<String>> fallbacks = Optional.empty();
    private final List<String> reasons = new ArrayList<>();

    private RouteCase(Center center, String scenario) {
        this.center = center;
        this.scenario = center.id() + ": " + scenario;
        this.language = center.defaultLanguage();
    }

    static RouteCase call(Center center, String scenario) {
        return new RouteCase(center, scenario);
    }

    // --- the call

    RouteCase about(String topic) {
        this.topic = Optional.of(topic);
        return this;
    }

    RouteCase fromCity(String city) {
        this.city = Optional.of(city);
        return this;
    }

    RouteCase speaking(String language) {
        this.language = language;
        return this;
    }

    /** The caller chose "another language" in the language menu. */
    RouteCase askingForAnotherLanguage() {
        this.interpreterPath = true;
        return this;
    }

    RouteCase overflowedFrom911() {
        this.from911 = true;
        return this;
    }

    /** A wall-clock time in the center's own time zone (never one a DST change skips or repeats). */
    RouteCase at(LocalDate day, String time) {
        this.at = day.atTime(LocalTime.parse(time)).atZone(center.timezone()).toInstant();
        return this;
    }

    /** An instant as Asterisk's clock sees it; the center's time zone turns it into local time. */
    RouteCase atUtc(String instant) {
        this.at = Instant.parse(instant);
        return this;
    }

    // --- the desks

    RouteCase noAgentReadyIn(String... queues) {
        for (String q : queues) {
            ready.put(q, 0);
        }
        return this;
    }

    RouteCase waitingIn(String queue, int callers) {
        waiting.put(queue, callers);
        return this;
    }

    // --- the expectation

    RouteCase goesTo(String queue) {
        this.queue = queue;
        return this;
    }

    RouteCase isClosed() {
        this.closed = true;
        return this;
    }

    RouteCase withPriority(int priority) {
        this.priority = priority;
        return this;
    }

    RouteCase withInterpreter() {
        this.interpreter = true;
        return this;
    }

    /** The open desks the flow tries, in order, if the chosen queue times out. */
    RouteCase thenTries(String... queues) {
        this.fallbacks = Optional.of(List.of(queues));
        return this;
    }

    /** Words the decision's why() must contain, each in one of its lines. */
    RouteCase because(String... reasons) {
        this.reasons.addAll(List.of(reasons));
        return this;
    }

    // --- running the row

    Center center() {
        return center;
    }

    Instant instant() {
        return at;
    }

    RouteDecision decide() {
        assertThat(at).as("%s: the row gives no time", scenario).isNotNull();
        RouteRequest request = new RouteRequest(topic, city, language, interpreterPath, from911);
        return Router.decide(center, request, at, new Load(ready, waiting));
    }

    void verify() {
        assertThat(closed ^ queue != null).as("%s: the row says goesTo(...) or isClosed()", scenario).isTrue();
        RouteDecision decision = decide();
        String shown = scenario + "\n  why: " + decision.why();
        switch (decision) {
            case RouteDecision.ToQueue q -> {
                assertThat(closed).as("%s\n  expected closed, got %s", shown, q.queue()).isFalse();
                assertThat(q.queue()).as("%s\n  queue", shown).isEqualTo(queue);
                assertThat(q.interpreter()).as("%s\n  interpreter", shown).isEqualTo(interpreter);
                assertThat(q.priority()).as("%s\n  priority", shown).isEqualTo(priority);
                fallbacks.ifPresent(f -> assertThat(q.fallbacks()).as("%s\n  fallbacks", shown).isEqualTo(f));
            }
            case RouteDecision.Closed c ->
                    assertThat(closed).as("%s\n  expected %s, got closed", shown, queue).isTrue();
        }
        for (String reason : reasons) {
            assertThat(decision.why()).as("%s\n  why() mentions '%s'", shown, reason)
                    .anyMatch(line -> line.contains(reason));
        }
    }

    @Override
    public String toString() {
        return scenario;
    }

    /** Desk load as Asterisk would report it; a desk the row does not mention has one agent ready. */
    record Load(Map<String, Integer> ready, Map<String, Integer> waiting) implements QueueLoad {
        @Override
        public int ready(String queue) {
            return ready.getOrDefault(queue, 1);
        }

        @Override
        public int waiting(String queue) {
            return waiting.getOrDefault(queue, 0);
        }
    }
}
