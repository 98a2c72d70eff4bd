package org.onecall.routing;

import java.util.List;

/** Where a caller goes, and why, in words for the log. */
public sealed interface RouteDecision {
    List<String> why();

    /**
     * @param priority    Asterisk's QUEUE_PRIO: 911 overflow jumps ahead
     * @param interpreter the agent must bring in an interpreter: nobody at this desk speaks the language
     * @param fallbacks   open desks to try, in order, if this queue times out or is unavailable
     */
    record ToQueue(String queue, int priority, boolean interpreter, List<String> fallbacks, List<String> why)
            implements RouteDecision {
        public ToQueue {
            fallbacks = List.copyOf(fallbacks);
            why = List.copyOf(why);
        }
    }

    /** Every desk that could take the call is closed now: the caller hears the hours and self-service. */
    record Closed(List<String> why) implements RouteDecision {
        public Closed {
            why = List.copyOf(why);
        }
    }
}
