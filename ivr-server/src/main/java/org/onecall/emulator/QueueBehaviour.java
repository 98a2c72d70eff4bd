package org.onecall.emulator;

import java.util.Optional;

/**
 * What happens to the caller in one {@code EXEC Queue}, as app_queue reports it.
 * The names past CALLER_HANGS_UP are the QUEUESTATUS values Asterisk sets when no agent took the call.
 */
public enum QueueBehaviour {
    /** An agent answers, talks, hangs up; the caller's channel stays up. */
    ANSWERED,
    /** An agent answers and the caller hangs up while talking. */
    CALLER_HANGS_UP,
    TIMEOUT,
    FULL,
    JOINEMPTY,
    LEAVEEMPTY,
    JOINUNAVAIL,
    LEAVEUNAVAIL,
    UNKNOWN;

    /** The QUEUESTATUS Asterisk sets; an answered call leaves it as it was (see the traces). */
    Optional<String> queueStatus() {
        return switch (this) {
            case ANSWERED, CALLER_HANGS_UP -> Optional.empty();
            case TIMEOUT, FULL, JOINEMPTY, LEAVEEMPTY, JOINUNAVAIL, LEAVEUNAVAIL, UNKNOWN -> Optional.of(name());
        };
    }
}
