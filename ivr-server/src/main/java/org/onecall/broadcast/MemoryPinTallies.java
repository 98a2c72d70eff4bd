package org.onecall.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.onecall.broadcast.PinGuard.Key;
import org.onecall.broadcast.PinGuard.Tally;

/** The tallies of a server that keeps no records: its own calls' tries, in memory, until it stops. */
public final class MemoryPinTallies implements PinTallies {
    private final Map<Key, Tally> tallies = new HashMap<>();

    @Override
    public synchronized Tally read(Key key) {
        return tallies.getOrDefault(key, Tally.NONE);
    }

    @Override
    public synchronized Change update(Key key, Instant now, UnaryOperator<Tally> change) {
        Tally before = read(key);
        Tally after = change.apply(before);
        tallies.put(key, after);
        return new Change(before, after);
    }

    @Override
    public synchronized void clear(Key key) {
        tallies.remove(key);
    }

    @Override
    public synchronized void forget(String center, Instant now, Duration window) {
        tallies.entrySet().removeIf(e -> e.getKey().center().equals(center) && e.getValue().forgotten(now, window));
    }

    /** Ids and numbers remembered now; bounded by the tries made within the lockouts. */
    synchronized int remembered() {
        return tallies.size();
    }
}
