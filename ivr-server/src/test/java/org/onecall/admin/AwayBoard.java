package org.onecall.admin;

import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onecall.broadcast.Actor;
import org.onecall.broadcast.Announcement;
import org.onecall.broadcast.AnnouncementState;
import org.onecall.broadcast.AuditEntry;
import org.onecall.broadcast.Board;

/** A board whose database is away: it still lists what it last read (nothing here), and changes nothing. */
final class AwayBoard implements Board {
    @Override
    public Map<String, Announcement> current(String center) {
        return Map.of();
    }

    @Override
    public Announcement change(String center, String id, AnnouncementState to, Optional<Instant> expires, Actor by,
                               String reason) throws BoardException {
        throw new BoardException("database unreachable", new SQLTransientConnectionException("connection refused"));
    }

    @Override
    public Optional<Announcement> changeIfStill(Announcement seen, AnnouncementState to, Optional<Instant> expires,
                                                Actor by, String reason) throws BoardException {
        throw new BoardException("database unreachable", new SQLTransientConnectionException("connection refused"));
    }

    @Override
    public Announcement switchOnRecording(String center, String id, String file, Actor by, String reason)
            throws BoardException {
        throw new BoardException("database unreachable", new SQLTransientConnectionException("connection refused"));
    }

    @Override
    public List<AuditEntry> audit(String center, int limit) throws BoardException {
        throw new BoardException("database unreachable", new SQLTransientConnectionException("connection refused"));
    }
}
