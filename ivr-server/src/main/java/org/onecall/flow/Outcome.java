package org.onecall.flow;

/** How a call ended, as a 311 center counts it. */
public enum Outcome {
    /** An agent talked with the caller. */
    ANSWERED,
    /** Every queue tried was unavailable; the caller heard the busy message. */
    QUEUE_UNAVAILABLE,
    /** The caller hung up before reaching a queue. */
    HUNG_UP_IN_MENU,
    /** The caller hung up while waiting in a queue. */
    ABANDONED_IN_QUEUE
}
