package org.onecall.broadcast;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The arrivals of every server of a center, per minute and topic: what the spike detector watches. */
public interface ArrivalHistory {
    /** The topic of arrivals overall. */
    String OVERALL = "";

    /** Arrivals in one minute, summed over all servers. */
    record Count(String topic, Instant minute, long calls) {
    }

    /** In [from, to), ordered by minute. */
    List<Count> counts(String center, Instant from, Instant to) throws SQLException;
}
