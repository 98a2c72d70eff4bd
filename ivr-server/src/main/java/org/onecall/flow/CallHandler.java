package org.onecall.flow;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

import org.onecall.broadcast.Arrivals;
import org.onecall.broadcast.Board;
import org.onecall.broadcast.PinGuard;
import org.onecall.config.CallerNumberHash;
import org.onecall.config.Center;
import org.onecall.config.OneCallConfig;
import org.onecall.routing.CenterSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call: picks its center and entry from the configuration snapshot current when the
 * call starts (a reload never changes a call in progress), runs the callers' flow, or the
 * administrators' on their own entry, and logs one summary line.
 */
public final class CallHandler {
    /** Tells the dialplan what OneCall did: DONE, EMERGENCY (dial 911), NO_CENTER, BUSY. */
    public static final String STATUS_VARIABLE = "ONECALL_STATUS";

    private static final Logger log = LoggerFactory.getLogger(CallHandler.class);

    private final Supplier<OneCallConfig> config;
    private final InstantSource clock;
    private final CallFlow flow;
    private final AdminCall admin;
    private final CallRecorder recorder;
    private final CallerNumberHash numbers;

    /**
     * @param pins    counts wrong PINs at the administrators' entry; one for all the server's calls
     * @param numbers hashes caller numbers for the records and logs of centers that keep them hashed
     */
    public CallHandler(Supplier<OneCallConfig> config, InstantSource clock, CallRecorder recorder, Board board,
                       Arrivals arrivals, PinGuard pins, CallerNumberHash numbers) {
        this.config = config;
        this.numbers = numbers;
        this.clock = clock;
        this.flow = new CallFlow(clock, board, arrivals);
        // One guard for all calls: wrong PINs count across them (and across servers, when it is shared).
        this.admin = new AdminCall(clock, board, pins);
        this.recorder = recorder;
    }

    /**
     * Returns the caller's summary, or empty when no center answers the number (the dialplan
     * falls back) or the call was an administrator's (which leaves no call record).
     */
    public Optional<CallSummary> handle(CallPort call) {
        CallInfo info = call.info();
        OneCallConfig snapshot = config.get();
        Optional<CenterSelector.Entry> entry = CenterSelector.entry(snapshot.centers(), info.script(), info.dialed(),
                info.extension());
        if (entry.isEmpty()) {
            log.warn("no center for script '{}', dialed '{}', extension '{}': handing the call back to the dialplan",
                    info.script(), info.dialed(), info.extension());
            call.setVariable(STATUS_VARIABLE, "NO_CENTER");
            return Optional.empty();
        }
        return switch (entry.get()) {
            case CenterSelector.Entry.Callers(Center c) -> Optional.of(caller(call, info, c));
            case CenterSelector.Entry.Administrators(Center c) -> {
                log.info("call from '{}' to '{}' (script '{}') -> administrators' entry of {}", info.caller(),
                        info.dialed(), info.script(), c.id());
                admin.run(call, c, snapshot.server().recordingsDir());
                yield Optional.empty();
            }
        };
    }

    private CallSummary caller(CallPort call, CallInfo info, Center center) {
        Instant start = clock.instant();
        // The number as the center's policy keeps it, once per call: for the record, and for the
        // log, so a hashed center's logs hold no numbers either.
        Optional<String> kept = RecordPolicies.caller(center, info.caller(), numbers);
        log.info("call from '{}' to '{}' (script '{}') -> center {}", kept.orElse(""), info.dialed(), info.script(),
                center.id());
        Journey j = new Journey(center);
        Outcome outcome;
        boolean hungUp = false;
        boolean failed = false;
        try {
            outcome = flow.run(call, j);
        } catch (CallerHungUp e) {
            // Answered stays answered: most callers hang up on the agent, or during the survey after.
            outcome = j.answered ? Outcome.ANSWERED : j.inQueue ? Outcome.ABANDONED_IN_QUEUE : Outcome.HUNG_UP_IN_MENU;
            j.path.add("hangup");
            hungUp = true;
        } catch (RuntimeException e) {
            // Asterisk refused a command on a live channel, or a bug: the call still gets its record. A caller
            // who has talked to an agent is finished as usual; anyone else goes back to the dialplan, whose
            // fallback queues them (ONECALL_STATUS stays unset).
            log.error("the call failed{}", j.answered ? " after an agent answered" : "; the dialplan's fallback takes it", e);
            j.path.add("failed");
            outcome = j.answered ? Outcome.ANSWERED : Outcome.FAILED;
            failed = !j.answered;
        }
        if (!hungUp && !failed) {
            try {
                if (outcome == Outcome.SENT_TO_911) {
                    // The dialplan dials the emergency number; OneCall must not hang up.
                    call.setVariable(STATUS_VARIABLE, "EMERGENCY");
                } else {
                    call.setVariable(STATUS_VARIABLE, "DONE");
                    // After Queue() the caller's channel is still up: without this the dialplan would go on.
                    call.hangup();
                }
            } catch (RuntimeException e) {
                // The caller left at the very end (or Asterisk refused); the outcome stands.
            }
        }
        Instant end = clock.instant();
        Center c = j.center;
        CallSummary summary = new CallSummary(info.callId(), c.id(), j.city,
                RecordPolicies.district(c.records().districts(), info.caller(), j.entered, j.city), info.dialed(),
                kept, start, end, j.language, j.topic, j.path, j.inputs, j.entered,
                j.queue, j.interpreter, j.priority, outcome, j.surveyScore,
                Duration.between(start, j.queuedAt.orElse(end)), j.waitTime, j.announcements);
        log.info("call ended: {} after {} ms; path {}{}", summary.outcome(), summary.duration().toMillis(),
                String.join(" > ", summary.path()),
                summary.surveyScore().isPresent() ? "; survey " + summary.surveyScore().getAsInt() : "");
        // Hands the record to a writer that never blocks: the caller is not kept waiting on the database.
        recorder.record(summary);
        return summary;
    }
}
