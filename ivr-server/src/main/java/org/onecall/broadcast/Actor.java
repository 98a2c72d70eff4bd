package org.onecall.broadcast;

/** Who or what changed an announcement: every change is recorded with one. */
public sealed interface Actor {
    /** An administrator, through the HTTP API or ./onecall announce (the name of their token). */
    record Administrator(String name) implements Actor {
    }

    /** An administrator by phone, through the administrators' entry (their id there). */
    record Phone(String adminId) implements Actor {
    }

    /**
     * The spike detector, with the rates that triggered it (calls per hour).
     *
     * @param rule what the detector found, in words: it goes into the change's reason
     */
    record Rule(String rule, double observedPerHour, double expectedPerHour) implements Actor {
    }

    /** The announcement's expiry time passed. */
    record Expiry() implements Actor {
    }

    static String describe(Actor a) {
        return switch (a) {
            case Administrator(String name) -> "admin:" + name;
            case Phone(String id) -> "phone:" + id;
            case Rule(String rule, double observed, double expected) -> "rule:spike";
            case Expiry() -> "expiry";
        };
    }
}
