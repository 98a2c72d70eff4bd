package org.onecall.flow;

/**
 * Where a finished call's summary goes. Implementations must return at once: a call never waits
 * on the database.
 */
public interface CallRecorder {
    void record(CallSummary summary);

    /** Records nothing: for tools and tests that need no records. */
    CallRecorder NONE = summary -> {
    };
}
