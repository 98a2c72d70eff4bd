package org.onecall.broadcast;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The board of a server that keeps no records: its own announcements, in memory. */
public final class MemoryBoard implements Board {
    private final InstantSource clock;
    private final Map<String, Map<String, Announcement>> states = new ConcurrentHashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();

    public MemoryBoard(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public Map<String, Announcement> current(String center) {
        return Map.copyOf(states.getOrDefault(center, Map.of()));
    }

    @Override
    public synchronized Announcement change(String center, String id, AnnouncementState to, Optional<Instant> expires,
                                            Actor by, String reason) {
        return apply(center, id, to, expires, by, reason,
                kept -> to == AnnouncementState.OFF ? Optional.empty() : kept);
    }

    @Override
    public synchronized Announcement switchOnRecording(String center, String id, String file, Actor by, String reason) {
        return apply(center, id, AnnouncementState.ACTIVE, Optional.empty(), by, reason, kept -> Optional.of(file));
    }

    private Announcement apply(String center, String id, AnnouncementState to, Optional<Instant> expires, Actor by,
                               String reason, UnaryOperator<Optional<String>> recording) {
        Instant now = clock.instant();
        Map<String, Announcement> c = states.computeIfAbsent(center, k -> new ConcurrentHashMap<>());
        Announcement stored = c.getOrDefault(id, Announcement.never(center, id));
        AnnouncementState from = stored.state();
        if (from == to && (by instanceof Actor.Rule || by instanceof Actor.Expiry)) {
            return stored; // a detector repeating itself changes nothing
        }
        Announcement a = new Announcement(center, id, to, expires, now, Actor.describe(by), reason,
                recording.apply(stored.recording()));
        c.put(id, a);
        Optional<Double> observed = by instanceof Actor.Rule r ? Optional.of(r.observedPerHour()) : Optional.empty();
        Optional<Double> expected = by instanceof Actor.Rule r ? Optional.of(r.expectedPerHour()) : Optional.empty();
        audit.add(new AuditEntry(audit.size() + 1, center, id, from, to, now, Actor.describe(by), reason, observed,
                expected));
        return a;
    }

    @Override
    public synchronized Optional<Announcement> changeIfStill(Announcement seen, AnnouncementState to,
                                                             Optional<Instant> expires, Actor by, String reason) {
        Announcement stored = current(seen.center()).getOrDefault(seen.id(), Announcement.never(seen.center(), seen.id()));
        if (!stored.sameChangeAs(seen)) {
            return Optional.empty();
        }
        return Optional.of(change(seen.center(), seen.id(), to, expires, by, reason));
    }

    @Override
    public synchronized List<AuditEntry> audit(String center, int limit) {
        return audit.reversed().stream().filter(e -> e.center().equals(center)).limit(limit)
                .collect(Collectors.toList());
    }
}
