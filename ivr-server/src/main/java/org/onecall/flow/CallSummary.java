package org.onecall.flow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What happened in one call: logged once at its end, and later written as the call record. */
public record CallSummary(String callId, String center, String language, List<String> path,
                          Optional<String> queue, Outcome outcome, Duration duration) {
    public CallSummary {
        path = List.copyOf(path);
    }
}
