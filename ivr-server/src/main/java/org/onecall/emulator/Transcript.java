package org.onecall.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What happened on one call. Immutable, so it can be shared between threads.
 *
 * @param prompts   the sound files the caller heard (fully or in part), in order; missing ones are not here
 *                  but in {@code events}
 * @param inputs    one entry per command that listened for digits and returned on a live channel: the digits
 *                  the server received ("42" for keys "42#"), "" when it got none
 * @param route     the last queue the server put the caller in, if any
 * @param variables the channel variables when the call ended, sorted by name
 * @param outcome   how the call ended: server-hung-up, caller-hung-up, server-closed, timeout or line-too-long
 * @param agiStatus the AGISTATUS Asterisk would set: SUCCESS, FAILURE or HANGUP
 * @param wire      every line exchanged: "<< " sent by the emulator (as Asterisk), ">> " sent by the server
 */
public record Transcript(List<String> prompts, List<String> inputs, Optional<Route> route,
                         Map<String, String> variables, String outcome, String agiStatus,
                         List<Event> events, List<String> wire) {

    /** ObjectMapper is thread-safe once configured; one is enough. */
    private static final ObjectMapper JSON = new ObjectMapper();

    public Transcript {
        prompts = List.copyOf(prompts);
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(route, "route");
        variables = Collections.unmodifiableMap(new TreeMap<>(variables));
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(agiStatus, "agiStatus");
        events = List.copyOf(events);
        wire = List.copyOf(wire);
    }

    /** The queue results of every EXEC Queue, in order. */
    public List<QueueBehaviour> queueResults() {
        return events.stream()
                .filter(Event.Queued.class::isInstance)
                .map(e -> ((Event.Queued) e).result())
                .toList();
    }

    /**
     * {@code {"prompts":[..],"inputs":[..],"route":{"queue":..,"language":..,"topic":..} or null,
     * "variables":{..},"outcome":"..","agiStatus":"..","queueResults":[..]}}
     */
    public String toJson() {
        return toJson(false);
    }

    /** The same JSON, with a "wire" array of every line exchanged when {@code withWire}. */
    public String toJson(boolean withWire) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("prompts", prompts);
        json.put("inputs", inputs);
        json.put("route", route.map(Transcript::routeJson).orElse(null));
        json.put("variables", variables);
        json.put("outcome", outcome);
        json.put("agiStatus", agiStatus);
        json.put("queueResults", queueResults().stream().map(Enum::name).toList());
        if (withWire) {
            json.put("wire", wire);
        }
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            // Only strings, lists and maps go in, so Jackson cannot fail here.
            throw new UncheckedIOException(e);
        }
    }

    /** A transcript for people: one line per event, then the route and the outcome. */
    public String toText() {
        return TranscriptText.render(this);
    }

    private static Map<String, Object> routeJson(Route r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("queue", r.queue());
        json.put("language", r.language());
        json.put("topic", r.topic());
        return json;
    }
}
