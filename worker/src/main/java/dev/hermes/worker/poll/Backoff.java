package dev.hermes.worker.poll;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Doubling pauses between failed attempts, capped, reset by a success; a pause ends early on {@link #cancel()}. */
public final class Backoff {
    private final Duration first;
    private final Duration cap;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private Duration next;

    public Backoff(Duration first, Duration cap) {
        this.first = first;
        this.cap = cap;
        this.next = first;
    }

    /** The pause the next {@link #pause()} will take. */
    public Duration next() {
        return next;
    }

    /** Waits the current pause (or until cancelled) and doubles the next one. */
    public void pause() {
        Duration current = next;
        Duration doubled = current.multipliedBy(2);
        next = doubled.compareTo(cap) > 0 ? cap : doubled;
        try {
            cancelled.await(current.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void reset() {
        next = first;
    }

    /** Ends the current pause and every later one at once. */
    public void cancel() {
        cancelled.countDown();
    }
}
