package org.onecall.flow;

/** How a queue call ended for a caller who is still on the line. */
public enum QueueResult {
    /** An agent took the call and has hung up. */
    ANSWERED,
    /** Nobody answered within the queue timeout. */
    TIMEOUT,
    /** The queue was at its maximum of waiting callers. */
    FULL,
    /** Nobody was logged in (or everybody was unavailable) when the caller arrived or while waiting. */
    NO_AGENTS,
    /** The queue does not exist on this Asterisk, or Asterisk said nothing we know. */
    UNKNOWN;

    /** Maps Asterisk's QUEUESTATUS variable. */
    public static QueueResult fromQueueStatus(String status) {
        return switch (status == null ? "" : status) {
            case "TIMEOUT" -> TIMEOUT;
            case "FULL" -> FULL;
            case "JOINEMPTY", "LEAVEEMPTY", "JOINUNAVAIL", "LEAVEUNAVAIL" -> NO_AGENTS;
            default -> UNKNOWN;
        };
    }
}
