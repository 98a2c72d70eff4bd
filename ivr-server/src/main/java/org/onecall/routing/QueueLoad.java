package org.onecall.routing;

/** How busy a queue is now, as Asterisk reports it (QUEUE_MEMBER ready, QUEUE_WAITING_COUNT). */
public interface QueueLoad {
    int ready(String queue);

    int waiting(String queue);
}
