package org.onecall.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The Asterisk channel of one call: its variables, caller id, language and whether it is still up. */
final class Channel {

    /** Who ended the call on the Asterisk side. */
    enum HungUpBy { CALLER, SERVER }

    /**
     * UP until a hang-up; HUNG_UP until Asterisk has told the server with a {@code HANGUP} line; DEAD after,
     * when only commands Asterisk allows on dead channels still run.
     */
    private enum State { UP, HUNG_UP, DEAD }

    private final String name;
    private final String uniqueId;
    private final String technology;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private String language;
    private CallerId callerId;
    private String context;
    private String extension;
    private long priority;
    private State state = State.UP;
    private Optional<HungUpBy> hungUpBy = Optional.empty();

    Channel(CallSetup setup) {
        this.name = setup.channel();
        this.uniqueId = setup.uniqueId();
        this.technology = setup.technology();
        this.language = setup.language();
        this.callerId = CallerId.of(setup.from(), setup.callerName());
        this.context = setup.dialplan().context();
        this.extension = setup.dialplan().extension().orElse(setup.to());
        this.priority = setup.dialplan().priority();
    }

    String name() {
        return name;
    }

    String uniqueId() {
        return uniqueId;
    }

    String technology() {
        return technology;
    }

    String language() {
        return language;
    }

    void language(String lang) {
        this.language = lang;
    }

    CallerId callerId() {
        return callerId;
    }

    void callerId(CallerId id) {
        this.callerId = id;
    }

    String context() {
        return context;
    }

    void context(String c) {
        this.context = c;
    }

    String extension() {
        return extension;
    }

    void extension(String e) {
        this.extension = e;
    }

    long priority() {
        return priority;
    }

    void priority(long p) {
        this.priority = p;
    }

    Optional<String> variable(String variableName) {
        return Optional.ofNullable(variables.get(variableName));
    }

    void set(String variableName, String value) {
        variables.put(variableName, value);
    }

    Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    boolean isUp() {
        return state == State.UP;
    }

    boolean isDead() {
        return state == State.DEAD;
    }

    /** The first hang-up wins: a caller gone before the server's HANGUP stays the one who hung up. */
    void hangUp(HungUpBy who) {
        if (state == State.UP) {
            state = State.HUNG_UP;
            hungUpBy = Optional.of(who);
        }
    }

    /** True once, when a hang-up still has to be announced to the server with a HANGUP line. */
    boolean takeHangupToAnnounce() {
        if (state == State.HUNG_UP) {
            state = State.DEAD;
            return true;
        }
        return false;
    }

    Optional<HungUpBy> hungUpBy() {
        return hungUpBy;
    }
}
