package org.onecall.flow;

/** How a call ended, as a 311 center counts it. */
public enum Outcome {
    /** An agent talked with the caller. */
    ANSWERED,
    /** Every desk tried was unavailable; the caller heard the busy message. */
    QUEUE_UNAVAILABLE,
    /** The caller heard what they needed (hours, an address) and the goodbye. */
    SELF_SERVED,
    /** The desks were closed; the caller heard the hours and self-service and left. */
    AFTER_HOURS,
    /** The caller chose the emergency key and was handed to the dialplan for 911. */
    SENT_TO_911,
    /** The menus ended in the goodbye without a choice they could act on (a silent or lost caller). */
    NO_CHOICE,
    /** The caller hung up before reaching a queue. */
    HUNG_UP_IN_MENU,
    /** OneCall could not finish the call (Asterisk refused a command); the dialplan's fallback queue took it. */
    FAILED,
    /** The caller hung up while waiting in a queue. */
    ABANDONED_IN_QUEUE
}
