package org.onecall.emulator;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the caller does and what the telephone system around the call looks like.
 *
 * @param keys            one entry per command that listens for digits (GET DATA, GET OPTION, WAIT FOR DIGIT,
 *                        STREAM FILE with escape digits), in order: e.g. "2" or "42#"; "" presses nothing;
 *                        once the entries run out the caller is silent; commands that take one key
 *                        (STREAM FILE, GET OPTION, WAIT FOR DIGIT) use the entry's first key
 * @param hangup          when the caller hangs up, if at all
 * @param queue           what each EXEC Queue does, in order; the last one repeats
 * @param readyAgents     agents logged in and ready in every queue (QUEUE_MEMBER ready/free/count/logged)
 * @param waitingCallers  callers already waiting in every queue (QUEUE_WAITING_COUNT)
 * @param missingPrompts  sound files that do not exist on this Asterisk
 * @param agentsPerQueue  queues whose agent count differs from {@code readyAgents}, e.g. an empty queue
 * @param memberInterface the interface of the agent who answers, published as MEMBERINTERFACE when the
 *                        queue has {@code setinterfacevar=yes}; empty for Asterisk's default (not set)
 * @param promptLengths   sound files whose length, in 8 kHz samples, differs from the default two seconds
 * @param queueGate       where callers wait in each queue until a test releases them
 */
public record CallerScript(List<String> keys, Optional<Hangup> hangup, List<QueueBehaviour> queue,
                           int readyAgents, int waitingCallers, Set<String> missingPrompts,
                           Map<String, Integer> agentsPerQueue, Optional<String> memberInterface,
                           Map<String, Long> promptLengths, Optional<QueueGate> queueGate) {

    /** Two seconds at 8 kHz: what endpos reports for a prompt that played to its end. */
    public static final long DEFAULT_PROMPT_SAMPLES = 16_000;
    private static final String DTMF = "0123456789*#ABCD";

    public CallerScript {
        keys = List.copyOf(keys);
        for (String entry : keys) {
            for (char c : entry.toCharArray()) {
                if (DTMF.indexOf(c) < 0) {
                    throw new IllegalArgumentException("key entry '" + entry + "' has '" + c
                            + "', which is not a DTMF digit (use 0-9, *, #, A-D)");
                }
            }
        }
        Objects.requireNonNull(hangup, "hangup");
        queue = List.copyOf(queue);
        if (queue.isEmpty()) {
            throw new IllegalArgumentException("queue behaviours must not be empty: give at least one (the last repeats)");
        }
        requireNotNegative(readyAgents, "readyAgents");
        requireNotNegative(waitingCallers, "waitingCallers");
        missingPrompts = Set.copyOf(missingPrompts);
        agentsPerQueue = Map.copyOf(agentsPerQueue);
        agentsPerQueue.forEach((q, n) -> requireNotNegative(n, "agents in queue " + q));
        Objects.requireNonNull(memberInterface, "memberInterface");
        promptLengths = Map.copyOf(promptLengths);
        Objects.requireNonNull(queueGate, "queueGate");
        promptLengths.forEach((p, n) -> {
            if (n <= 0) {
                throw new IllegalArgumentException("prompt " + p + " must be at least one sample long, got " + n);
            }
        });
    }

    /** The shape the API started with. */
    public CallerScript(List<String> keys, Optional<Hangup> hangup, List<QueueBehaviour> queue,
                        int readyAgents, int waitingCallers, Set<String> missingPrompts) {
        this(keys, hangup, queue, readyAgents, waitingCallers, missingPrompts, Map.of(), Optional.empty(), Map.of(),
                Optional.empty());
    }

    /** A caller who presses these keys, never hangs up, and whose queue calls get answered by one ready agent. */
    public static CallerScript keys(String... keys) {
        return new CallerScript(List.of(keys), Optional.empty(), List.of(QueueBehaviour.ANSWERED), 1, 0, Set.of());
    }

    /** A caller who presses nothing. */
    public static CallerScript silent() {
        return keys(new String[0]);
    }

    public CallerScript hangupDuring(int step) {
        return withHangup(new Hangup(step, Hangup.Moment.DURING));
    }

    public CallerScript hangupAfter(int step) {
        return withHangup(new Hangup(step, Hangup.Moment.AFTER));
    }

    public CallerScript queue(QueueBehaviour... behaviours) {
        return new CallerScript(keys, hangup, Arrays.asList(behaviours), readyAgents, waitingCallers, missingPrompts,
                agentsPerQueue, memberInterface, promptLengths, queueGate);
    }

    public CallerScript readyAgents(int agents) {
        return new CallerScript(keys, hangup, queue, agents, waitingCallers, missingPrompts,
                agentsPerQueue, memberInterface, promptLengths, queueGate);
    }

    /** Agents in one queue, overriding {@link #readyAgents()} there: 0 for an empty or unknown queue. */
    public CallerScript readyAgents(String queueName, int agents) {
        Map<String, Integer> copy = new HashMap<>(agentsPerQueue);
        copy.put(queueName, agents);
        return new CallerScript(keys, hangup, queue, readyAgents, waitingCallers, missingPrompts,
                copy, memberInterface, promptLengths, queueGate);
    }

    public CallerScript waitingCallers(int callers) {
        return new CallerScript(keys, hangup, queue, readyAgents, callers, missingPrompts,
                agentsPerQueue, memberInterface, promptLengths, queueGate);
    }

    public CallerScript missing(String... prompts) {
        Set<String> copy = new HashSet<>(missingPrompts);
        copy.addAll(Arrays.asList(prompts));
        return new CallerScript(keys, hangup, queue, readyAgents, waitingCallers, copy,
                agentsPerQueue, memberInterface, promptLengths, queueGate);
    }

    /** Publish the answering agent as MEMBERINTERFACE, as a queue with {@code setinterfacevar=yes} does. */
    public CallerScript memberInterface(String agentInterface) {
        return new CallerScript(keys, hangup, queue, readyAgents, waitingCallers, missingPrompts,
                agentsPerQueue, Optional.of(agentInterface), promptLengths, queueGate);
    }

    /** The length of one sound file in 8 kHz samples (what endpos reports when it plays to its end). */
    public CallerScript promptLength(String prompt, long samples) {
        Map<String, Long> copy = new HashMap<>(promptLengths);
        copy.put(prompt, samples);
        return new CallerScript(keys, hangup, queue, readyAgents, waitingCallers, missingPrompts,
                agentsPerQueue, memberInterface, copy, queueGate);
    }

    /** Callers wait at this gate in every queue before the queue's scripted result. */
    public CallerScript waitIn(QueueGate gate) {
        return new CallerScript(keys, hangup, queue, readyAgents, waitingCallers, missingPrompts,
                agentsPerQueue, memberInterface, promptLengths, Optional.of(gate));
    }

    int agentsIn(String queueName) {
        return agentsPerQueue.getOrDefault(queueName, readyAgents);
    }

    boolean isMissing(String prompt) {
        return missingPrompts.contains(prompt);
    }

    long samplesOf(String prompt) {
        return promptLengths.getOrDefault(prompt, DEFAULT_PROMPT_SAMPLES);
    }

    private CallerScript withHangup(Hangup h) {
        return new CallerScript(keys, Optional.of(h), queue, readyAgents, waitingCallers, missingPrompts,
                agentsPerQueue, memberInterface, promptLengths, queueGate);
    }

    private static void requireNotNegative(int n, String what) {
        if (n < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + n);
        }
    }
}
