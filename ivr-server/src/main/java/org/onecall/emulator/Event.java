package org.onecall.emulator;

/**
 * One thing that happened during the call, in order. {@code step} is the caller's step number (media
 * commands, from 1) the event belongs to.
 */
public sealed interface Event {

    /** How a prompt ended for the caller. */
    enum Ending { PLAYED, INTERRUPTED_BY_KEY, CUT_OFF_BY_HANGUP }

    /** The caller heard a prompt (or the start of it). */
    record Heard(int step, String prompt, Ending ending) implements Event {}

    /** The server asked for a sound file this Asterisk does not have. */
    record MissingPrompt(int step, String prompt) implements Event {}

    /** A command that listens for digits returned; {@code digits} is what the server received ("" = none). */
    record Entered(int step, String command, String digits, boolean timedOut) implements Event {}

    /** A SAY command read something out. */
    record Said(int step, String what) implements Event {}

    /** RECORD FILE stored what the caller said. */
    record Recorded(int step, String file, long samples) implements Event {}

    /** EXEC Queue put the caller in a queue. */
    record Queued(int step, String queue, QueueBehaviour result) implements Event {}

    /** The server set a channel variable (SET VARIABLE, EXEC Set) or changed the channel. */
    record VariableSet(String name, String value) implements Event {}

    /** The server logged a message with VERBOSE or EXEC Verbose/NoOp. */
    record Logged(String message) implements Event {}

    /** The caller hung up at this step. */
    record CallerHungUp(int step, Hangup.Moment moment) implements Event {}

    /** The server hung the call up (HANGUP or EXEC Hangup). */
    record ServerHungUp() implements Event {}

    /** Asterisk refused or could not run a command: 510, 511, 520, an unknown application, ... */
    record Refused(String command, String reply) implements Event {}

    /** Something about the server's lines worth knowing, e.g. a CRLF line ending Asterisk would not strip. */
    record Note(String text) implements Event {}

    /** The connection ended; {@code detail} says how. */
    record Ended(String outcome, String detail) implements Event {}
}
