package org.onecall;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test sets: opening hours, holidays and DST are tested at chosen instants. */
public final class TestClock implements InstantSource {
    /**
     * Wednesday 18 November 2026, 19:30 in New York and Thursday 09:30 in Seoul: every desk of
     * both shipped centers is open.
     */
    public static final Instant ALL_OPEN = Instant.parse("2026-11-19T00:30:00Z");

    private final AtomicReference<Instant> now;

    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
