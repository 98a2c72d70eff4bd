package org.onecall.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What happened in one call: logged once at its end, and the content of its call record.
 *
 * @param caller   the caller's number as the center keeps it: in full, hashed or truncated
 * @param path     menus, choices and routes in order, e.g. [menu:language, language:es, menu:main, ...]
 * @param inputs   what the caller keyed, per prompt ("" for no input)
 * @param menuTime from the answer until the caller reached a queue, or the end
 * @param waitTime in the queue until an agent answered, when one did
 * @param announcements the emergency announcements the caller heard
 */
public record CallSummary(String callId, String center, Optional<String> city, Optional<String> district,
                          String dialed, Optional<String> caller, Instant started, Instant ended,
                          String language, Optional<String> topic, List<String> path, List<String> inputs,
                          Optional<String> entered, Optional<String> queue, boolean interpreter, boolean priority,
                          Outcome outcome, OptionalInt surveyScore, Duration menuTime, Optional<Duration> waitTime,
                          List<String> announcements) {
    public CallSummary {
        path = List.copyOf(path);
        inputs = List.copyOf(inputs);
        announcements = List.copyOf(announcements);
    }

    public Duration duration() {
        return Duration.between(started, ended);
    }
}
