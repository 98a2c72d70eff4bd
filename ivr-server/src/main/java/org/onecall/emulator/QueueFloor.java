package org.onecall.emulator;

import java.util.HashMap;
import java.util.Map;

/**
 * The agents of each queue as this call sees them: the scripted count, minus the ones the server paused
 * (PauseQueueMember), plus or minus the ones it added or removed. queue-continue.txt shows a paused
 * member no longer counting as ready.
 */
final class QueueFloor {
    private final CallerScript script;
    private final Map<String, Integer> added = new HashMap<>();
    private final Map<String, Integer> paused = new HashMap<>();

    QueueFloor(CallerScript script) {
        this.script = script;
    }

    /** QUEUE_MEMBER(q,logged) and (q,count). */
    int members(String queue) {
        return Math.max(0, script.agentsIn(queue) + added.getOrDefault(queue, 0));
    }

    /** QUEUE_MEMBER(q,ready) and (q,free): logged-in members that are not paused. */
    int ready(String queue) {
        return Math.max(0, members(queue) - paused.getOrDefault(queue, 0));
    }

    int waiting(String queue) {
        return script.waitingCallers();
    }

    /** True when the queue had a member to pause. */
    boolean pause(String queue) {
        if (ready(queue) == 0) {
            return false;
        }
        paused.merge(queue, 1, Integer::sum);
        return true;
    }

    boolean unpause(String queue) {
        if (paused.getOrDefault(queue, 0) == 0) {
            return members(queue) > 0;
        }
        paused.merge(queue, -1, Integer::sum);
        return true;
    }

    void add(String queue) {
        added.merge(queue, 1, Integer::sum);
    }

    boolean remove(String queue) {
        if (members(queue) == 0) {
            return false;
        }
        added.merge(queue, -1, Integer::sum);
        return true;
    }
}
