package org.onecall.emulator;

import java.util.Optional;

/**
 * The scripted caller as the call goes on: which key entry and queue behaviour come next, which step the
 * call is at, and whether the caller hangs up now.
 */
final class Caller {
    private final CallerScript script;
    private int nextKey;
    private int nextQueue;
    private int step;
    private int commands;

    Caller(CallerScript script) {
        this.script = script;
    }

    CallerScript script() {
        return script;
    }

    int step() {
        return step;
    }

    /** A media command starts: it becomes the next step. True when the caller hangs up during it. */
    boolean startStep() {
        step++;
        return script.hangup()
                .filter(h -> h.moment() == Hangup.Moment.DURING && h.step() == step)
                .isPresent();
    }

    /** The next key entry; "" (presses nothing) once the entries have run out. */
    String nextKeys() {
        return nextKey < script.keys().size() ? script.keys().get(nextKey++) : "";
    }

    /** The next queue behaviour; the last one repeats. */
    QueueBehaviour nextQueue() {
        int i = Math.min(nextQueue++, script.queue().size() - 1);
        return script.queue().get(i);
    }

    /**
     * Called after each command the server ran on a live channel. The caller hangs up after step n
     * (AFTER n, or DURING n when that step ended before it could be cut short, e.g. a missing prompt),
     * and with AFTER 0 right after the server's first command.
     */
    boolean hangsUpAfter(boolean commandWasStep) {
        commands++;
        Optional<Hangup> plan = script.hangup();
        if (plan.isEmpty()) {
            return false;
        }
        Hangup h = plan.get();
        if (h.step() == 0) {
            return commands == 1;
        }
        return commandWasStep && step == h.step();
    }
}
