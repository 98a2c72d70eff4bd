package org.onecall.flow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What happened in one call: logged once at its end, and the call record's content.
 *
 * @param path   menus, choices and routes in order, e.g. [language:es, menu:main, menu:trash, topic:missed-pickup]
 * @param inputs what the caller keyed, per prompt ("" for no input)
 */
public record CallSummary(String callId, String center, String language, Optional<String> city,
                          Optional<String> topic, List<String> path, List<String> inputs, Optional<String> entered,
                          Optional<String> queue, boolean interpreter, boolean priority, Outcome outcome,
                          OptionalInt surveyScore, Duration duration) {
    public CallSummary {
        path = List.copyOf(path);
        inputs = List.copyOf(inputs);
    }
}
