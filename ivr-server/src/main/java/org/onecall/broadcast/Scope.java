package org.onecall.broadcast;

/**
 * Whose volume a spike is about: all of a center's calls, or the calls about one topic. Each scope is
 * tracked on its own, so a surge on one topic starts that topic's announcement while totals stay flat.
 */
public sealed interface Scope extends Comparable<Scope> {
    /** Every call of the center; its spike starts the general "high call volume" announcement. */
    record Overall() implements Scope {
        @Override
        public String toString() {
            return "overall";
        }
    }

    /** Calls about one topic (a topic id of the center file, or a column value of a replayed history). */
    record Topic(String id) implements Scope {
        @Override
        public String toString() {
            return id;
        }
    }

    Overall OVERALL = new Overall();

    /** Overall first, then topics by id: the order decisions are listed in within one bucket. */
    @Override
    default int compareTo(Scope other) {
        return switch (this) {
            case Overall o -> other instanceof Overall ? 0 : -1;
            case Topic t -> switch (other) {
                case Overall o -> 1;
                case Topic u -> t.id().compareTo(u.id());
            };
        };
    }
}
