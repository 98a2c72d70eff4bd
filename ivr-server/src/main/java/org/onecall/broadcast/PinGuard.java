package org.onecall.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.onecall.config.CallerNumberHash;

/**
 * Limits PIN guessing at the administrators' phone entry. Wrong tries are counted per
 * administrator id (so one id cannot be guessed from many phones) and per caller number (so one
 * phone cannot try many ids); {@code maxTries} of them within {@code lockout} lock that id or
 * number for {@code lockout}. An id nobody has is counted like any other, so a lockout says
 * nothing about which ids exist.
 *
 * <p>The counts live in the {@link PinTallies} given: with a database, every server of a center
 * shares them, so guesses spread over the servers add up and a restart forgets nothing; without,
 * they are this server's own. Caller numbers are counted by their hash, never kept. The
 * decisions are the pure functions of {@link Tally}.
 *
 * <p>When the tallies are out of reach every method throws {@link PinTallies.Unavailable}: a
 * wrong try that cannot be counted must not be tried, so the caller is refused.
 */
public final class PinGuard {
    /** A caller without a number: such calls are counted together, never let through uncounted. */
    static final String NO_NUMBER = "anonymous";

    /** A center's limits: its admin-entry's max-tries and lockout. */
    public record Policy(int maxTries, Duration lockout) {
        public Policy {
            if (maxTries < 1 || lockout.isNegative() || lockout.isZero()) {
                throw new IllegalArgumentException("maxTries >= 1 and a positive lockout, got " + maxTries + ", "
                        + lockout);
            }
        }
    }

    /** What a lockout is about. */
    public enum Subject {
        ADMIN_ID, CALLER_NUMBER
    }

    /** Whether a sign-in may be tried now. */
    public sealed interface Verdict {
        record Open() implements Verdict {
        }

        /** Locked until then; the administrator is refused whatever PIN they give. */
        record Locked(Subject subject, Instant until) implements Verdict {
        }
    }

    /**
     * One id or one caller number of one center: what a tally counts.
     *
     * @param value the administrator id, or the caller number's hash ({@link #NO_NUMBER} without one)
     */
    public record Key(String center, Subject subject, String value) {
    }

    /**
     * The wrong tries of one id or number still inside the window, and the end of its lockout.
     * Immutable: every decision returns a new one.
     */
    public record Tally(List<Instant> failures, Optional<Instant> lockedUntil) {
        public static final Tally NONE = new Tally(List.of(), Optional.empty());

        public Tally {
            failures = List.copyOf(failures);
        }

        boolean locked(Instant now) {
            return lockedUntil.filter(now::isBefore).isPresent();
        }

        /** One more wrong try: the tries older than the lockout window drop out; the last allowed one locks. */
        Tally fail(Instant now, Policy p) {
            List<Instant> recent = new ArrayList<>(failures.stream()
                    .filter(t -> t.isAfter(now.minus(p.lockout()))).toList());
            recent.add(now);
            if (recent.size() >= p.maxTries()) {
                return new Tally(List.of(), Optional.of(now.plus(p.lockout())));
            }
            return new Tally(recent, lockedUntil.filter(now::isBefore));
        }

        /** Nothing left to remember: no lockout in force and no try inside the window. */
        boolean forgotten(Instant now, Duration window) {
            return !locked(now) && failures.stream().noneMatch(t -> t.isAfter(now.minus(window)));
        }
    }

    private final PinTallies tallies;
    private final InstantSource clock;
    private final CallerNumberHash numbers;

    /** @param numbers how caller numbers are named in the tallies: by their keyed hash, never in clear */
    public PinGuard(PinTallies tallies, InstantSource clock, CallerNumberHash numbers) {
        this.tallies = tallies;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** Whether this id, from this number, may try a PIN now. The id's lockout is reported first. */
    public Verdict check(String center, String adminId, String caller) throws PinTallies.Unavailable {
        Instant now = clock.instant();
        for (Key k : keys(center, adminId, caller)) {
            Tally t = tallies.read(k);
            if (t.locked(now)) {
                return new Verdict.Locked(k.subject(), t.lockedUntil().orElseThrow());
            }
        }
        return new Verdict.Open();
    }

    /**
     * Counts a wrong id or PIN against both the id and the number.
     *
     * @return the lockouts this try started: the id's, the number's, both or none
     */
    public List<Verdict.Locked> failed(String center, String adminId, String caller, Policy policy)
            throws PinTallies.Unavailable {
        Instant now = clock.instant();
        // Each failure sweeps its center, so guessed ids and numbers never pile up.
        tallies.forget(center, now, policy.lockout());
        List<Verdict.Locked> locked = new ArrayList<>();
        for (Key k : keys(center, adminId, caller)) {
            PinTallies.Change c = tallies.update(k, now, t -> t.fail(now, policy));
            if (c.after().locked(now) && !c.before().locked(now)) {
                locked.add(new Verdict.Locked(k.subject(), c.after().lockedUntil().orElseThrow()));
            }
        }
        return locked;
    }

    /**
     * The right PIN: earlier wrong tries of this id and this number no longer count, unless one
     * of them was locked meanwhile (by a try on another server): then the sign-in is refused.
     */
    public Verdict succeeded(String center, String adminId, String caller) throws PinTallies.Unavailable {
        Verdict now = check(center, adminId, caller);
        if (now instanceof Verdict.Open) {
            for (Key k : keys(center, adminId, caller)) {
                tallies.clear(k);
            }
        }
        return now;
    }

    private List<Key> keys(String center, String adminId, String caller) {
        String number = caller.replaceAll("\\D", "");
        return List.of(new Key(center, Subject.ADMIN_ID, adminId), new Key(center, Subject.CALLER_NUMBER,
                number.isEmpty() ? NO_NUMBER : numbers.of(center, number)));
    }
}
