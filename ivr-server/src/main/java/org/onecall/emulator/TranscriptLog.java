package org.onecall.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects what the caller heard and entered, and the events, while the call runs. */
final class TranscriptLog {
    private final List<String> prompts = new ArrayList<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private Optional<Route> route = Optional.empty();

    void heard(int step, String prompt, Event.Ending ending) {
        prompts.add(prompt);
        events.add(new Event.Heard(step, prompt, ending));
    }

    void entered(int step, String command, String digits, boolean timedOut) {
        inputs.add(digits);
        events.add(new Event.Entered(step, command, digits, timedOut));
    }

    void queued(int step, String queue, QueueBehaviour result, Route routed) {
        route = Optional.of(routed);
        events.add(new Event.Queued(step, queue, result));
    }

    void add(Event event) {
        events.add(event);
    }

    List<String> prompts() {
        return prompts;
    }

    List<String> inputs() {
        return inputs;
    }

    List<Event> events() {
        return events;
    }

    Optional<Route> route() {
        return route;
    }
}
