package org.onecall.broadcast;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the call flow reports arrivals for the spike detector: a call arriving (no topic), and
 * the topic it turns out to be about. Must return at once.
 */
public interface Arrivals {
    void arrived(String center, Optional<String> topic, Instant at);

    Arrivals NONE = (center, topic, at) -> {
    };
}
