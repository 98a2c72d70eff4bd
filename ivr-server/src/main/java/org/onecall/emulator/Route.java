package org.onecall.emulator;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the server sent the caller: the queue of the last {@code EXEC Queue}, with the language and topic
 * the server had set (ONECALL_LANG, else the channel language; ONECALL_TOPIC) when it queued the call.
 *
 * @param topic the ONECALL_TOPIC variable, or {@code null} when the server set none (it is {@code null} in
 *              JSON too); prefer {@link #topicIfSet()} in Java
 */
public record Route(String queue, String language, String topic) {
    public Route {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(language, "language");
    }

    public Optional<String> topicIfSet() {
        return Optional.ofNullable(topic);
    }
}
