package org.onecall.emulator;

import java.util.HashMap;
import java.util.Map;

/** Everything one call's command handlers share. Confined to the thread that runs the call. */
final class CallContext {
    final Channel channel;
    final Caller caller;
    final QueueFloor queues;
    final TranscriptLog log;
    final VariableSpace variables;
    final AstDb db;
    /** Files the server recorded during this call, with their length in samples, so it can play them back. */
    private final Map<String, Long> recordings = new HashMap<>();

    CallContext(CallSetup setup, AstDb db) {
        this.channel = new Channel(setup);
        this.caller = new Caller(setup.caller());
        this.queues = new QueueFloor(setup.caller());
        this.log = new TranscriptLog();
        this.db = db;
        this.variables = new VariableSpace(channel, queues, db, log);
    }

    /**
     * Whether Asterisk would fail to open this sound file. STREAM FILE, GET DATA and GET OPTION open one
     * file by name, so an '&'-joined list is a missing file to them; only Playback and Background split it.
     */
    boolean isMissing(String prompt) {
        if (recordings.containsKey(prompt)) {
            return false;
        }
        return prompt.isEmpty() || prompt.contains("&") || caller.script().isMissing(prompt);
    }

    long samplesOf(String prompt) {
        return recordings.getOrDefault(prompt, caller.script().samplesOf(prompt));
    }

    void recorded(String file, long samples) {
        recordings.put(file, samples);
    }

    /** Where a prompt is when the caller interrupts it: half way, a fixed choice since nobody waits. */
    static long partial(long offset, long length) {
        return offset < length ? offset + (length - offset) / 2 : length;
    }

    void callerHangsUp(Hangup.Moment moment) {
        channel.hangUp(Channel.HungUpBy.CALLER);
        log.add(new Event.CallerHungUp(caller.step(), moment));
    }
}
