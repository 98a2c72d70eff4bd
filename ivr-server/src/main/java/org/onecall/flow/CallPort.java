package org.onecall.flow;

import java.time.Duration;

/**
 * What a call flow can do with a caller. The AGI adapter implements it over Asterisk; the flow
 * never sees the protocol. Every method throws {@link CallerHungUp} once the caller is gone,
 * so a hang-up ends the flow's work at once.
 */
public interface CallPort {
    CallInfo info();

    void answer();

    /** Plays a prompt to its end. A prompt that cannot be played is logged, not fatal. */
    void play(String prompt);

    /** Plays a prompt that any key cuts short; the key itself means nothing more. */
    void playSkippable(String prompt);

    /** Plays a prompt that the caller may interrupt, then collects up to maxDigits keys. */
    Input ask(String prompt, Duration timeout, int maxDigits);

    /** Reads a number out digit by digit (a phone number, a request number). */
    void sayDigits(String digits);

    /**
     * Beeps, then records what the caller says into {@code file} (an absolute path without
     * extension; Asterisk writes {@code file.wav}) until '#', {@code silence} of quiet, or
     * {@code maxDuration}. {@link #play(String)} with the same name plays it back.
     */
    Recording record(String file, Duration maxDuration, Duration silence);

    void setVariable(String name, String value);

    /** Evaluates a dialplan expression such as ${QUEUE_MEMBER(q,ready)}; empty when it has no value. */
    String evaluate(String expression);

    /**
     * Puts the caller in an Asterisk queue and says how it ended for them.
     *
     * @param whisper prompts the agent hears before the call connects ("Spanish. Pothole.")
     */
    QueueResult queue(String queue, Duration timeout, java.util.List<String> whisper);

    void hangup();
}
