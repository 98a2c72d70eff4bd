package org.onecall.emulator;

/**
 * When the scripted caller hangs up, counted in steps (media commands, numbered from 1).
 *
 * <ul>
 *   <li>{@code DURING n}: step n is cut short; Asterisk answers it with -1 and sends {@code HANGUP}.
 *   <li>{@code AFTER n}: step n completes, then the caller hangs up while the server is idle: the
 *       {@code HANGUP} line follows step n's reply at once. {@code AFTER 0} hangs up right after the
 *       server's first command, whatever it is (usually ANSWER), as in hangup-timing.txt.
 * </ul>
 */
public record Hangup(int step, Moment moment) {
    public enum Moment { DURING, AFTER }

    public Hangup {
        if (moment == null) {
            throw new IllegalArgumentException("hang-up moment is required (DURING or AFTER)");
        }
        if (moment == Moment.DURING && step < 1) {
            throw new IllegalArgumentException("hangupDuring(" + step + "): steps are numbered from 1");
        }
        if (step < 0) {
            throw new IllegalArgumentException("hangupAfter(" + step + "): use 0 to hang up before the first step");
        }
    }
}
