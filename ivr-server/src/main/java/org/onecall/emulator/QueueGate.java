package org.onecall.emulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Keeps callers waiting in the queue until released, the way real callers wait for an agent:
 * it lets a test or a benchmark hold many calls in progress at once, then let them go.
 * One gate can be shared by any number of calls.
 */
public final class QueueGate {
    private final CountDownLatch release = new CountDownLatch(1);
    private final Semaphore arrivals = new Semaphore(0);

    /** Waits until {@code callers} calls are waiting in the queue; false if that takes longer than the timeout. */
    public boolean awaitWaiting(int callers, Duration timeout) throws InterruptedException {
        if (!arrivals.tryAcquire(callers, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        arrivals.release(callers);
        return true;
    }

    /** Callers waiting now (or having waited, once released). */
    public int waiting() {
        return arrivals.availablePermits();
    }

    /** Lets every caller, now and later, through to the queue's scripted result. */
    public void release() {
        release.countDown();
    }

    void enter() {
        arrivals.release();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
