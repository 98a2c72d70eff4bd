package org.onecall.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Limits PIN guessing at the administrators' phone entry. Wrong tries are counted per
 * administrator id (so one id cannot be guessed from many phones) and per caller number (so one
 * phone cannot try many ids); {@code maxTries} of them within {@code lockout} lock that id or
 * number for {@code lockout}. An id nobody has is counted like any other, so a lockout says
 * nothing about which ids exist.
 *
 * <p>The counts live in this server's memory: a restart forgets them, and each server of a
 * center counts its own calls. The decisions are the pure functions of {@link Tally}.
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
     * The wrong tries of one id or number still inside the window, and the end of its lockout.
     * Immutable: every decision returns a new one.
     */
    record Tally(List<Instant> failures, Optional<Instant> lockedUntil) {
        static final Tally NONE = new Tally(List.of(), Optional.empty());

        Tally {
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

    private record Key(String center, Subject subject, String value) {
    }

    private final InstantSource clock;
    private final Map<Key, Tally> tallies = new HashMap<>();
    /** The longest lockout seen, so that forgetting never drops a tally a center still needs. */
    private Duration longestWindow = Duration.ZERO;

    public PinGuard(InstantSource clock) {
        this.clock = clock;
    }

    /** Whether this id, from this number, may try a PIN now. The id's lockout is reported first. */
    public synchronized Verdict check(String center, String adminId, String caller) {
        Instant now = clock.instant();
        for (Key k : keys(center, adminId, caller)) {
            Tally t = tallies.getOrDefault(k, Tally.NONE);
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
    public synchronized List<Verdict.Locked> failed(String center, String adminId, String caller, Policy policy) {
        Instant now = clock.instant();
        if (policy.lockout().compareTo(longestWindow) > 0) {
            longestWindow = policy.lockout();
        }
        forgetOld(now);
        List<Verdict.Locked> locked = new ArrayList<>();
        for (Key k : keys(center, adminId, caller)) {
            Tally before = tallies.getOrDefault(k, Tally.NONE);
            Tally after = before.fail(now, policy);
            tallies.put(k, after);
            if (after.locked(now) && !before.locked(now)) {
                locked.add(new Verdict.Locked(k.subject(), after.lockedUntil().orElseThrow()));
            }
        }
        return locked;
    }

    /** The right PIN: earlier wrong tries of this id and this number no longer count. */
    public synchronized void succeeded(String center, String adminId, String caller) {
        keys(center, adminId, caller).forEach(tallies::remove);
    }

    /** Ids and numbers remembered now; bounded by the tries made within the longest lockout. */
    synchronized int remembered() {
        return tallies.size();
    }

    private void forgetOld(Instant now) {
        tallies.values().removeIf(t -> t.forgotten(now, longestWindow));
    }

    private static List<Key> keys(String center, String adminId, String caller) {
        String number = caller.replaceAll("\\D", "");
        return List.of(new Key(center, Subject.ADMIN_ID, adminId),
                new Key(center, Subject.CALLER_NUMBER, number.isEmpty() ? NO_NUMBER : number));
    }
}
