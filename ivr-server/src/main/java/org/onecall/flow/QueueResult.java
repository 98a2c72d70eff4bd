package org.onecall.flow;

import java.time.Duration;
import java.util.Optional;

/** How a queue call ended for the caller. */
public sealed interface QueueResult {
    /**
     * An agent took the call.
     *
     * @param talked how long the agent and the caller talked (Asterisk's ANSWEREDTIME), if Asterisk said
     * @param callerLeft the caller hung up while talking (the usual end of a call), so nothing follows
     */
    record Answered(Optional<Duration> talked, boolean callerLeft) implements QueueResult {
    }

    /** Nobody took the call and the caller is still on the line. */
    record Unanswered(Reason reason) implements QueueResult {
    }

    enum Reason {
        /** Nobody answered within the queue timeout. */
        TIMEOUT,
        /** The queue was at its maximum of waiting callers. */
        FULL,
        /** Nobody was logged in (or everybody was unavailable) when the caller arrived or while waiting. */
        NO_AGENTS,
        /** The queue does not exist on this Asterisk, or Asterisk said nothing we know. */
        UNKNOWN;

        /** Maps Asterisk's QUEUESTATUS variable. */
        public static Reason fromQueueStatus(String status) {
            return switch (status == null ? "" : status) {
                case "TIMEOUT" -> TIMEOUT;
                case "FULL" -> FULL;
                case "JOINEMPTY", "LEAVEEMPTY", "JOINUNAVAIL", "LEAVEUNAVAIL" -> NO_AGENTS;
                default -> UNKNOWN;
            };
        }
    }
}
