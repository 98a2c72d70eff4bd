package org.onecall.flow;

/**
 * The caller hung up. It unwinds the flow from wherever it is: a hang-up is an ordinary end of
 * a call, so it carries no stack trace and is logged as information, not as an error.
 */
public final class CallerHungUp extends RuntimeException {
    public CallerHungUp() {
        super("the caller hung up", null, false, false);
    }
}
