package dev.hermes.worker.lease;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds this worker's lease: renews it every {@code duration / 3} and judges staleness on the local
 * monotonic clock. The lease is LOST when a renewal's condition fails, or when no renewal succeeded
 * within {@code duration} since the last good one was sent; then {@code onLost} runs once and
 * {@link #current()} throws from then on, so no fenced write is attempted any more.
 */
public final class LeaseKeeper {
    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final LeaseStore store;
    private final String owner;
    private final Duration duration;
    private final ScheduledExecutorService scheduler;
    private final Consumer<LeaseLostException> onLost;
    private final LeaseEvents events;
    /** Why the lease was lost; null while it is not. */
    private final AtomicReference<LeaseLostException> lost = new AtomicReference<>();
    private final Object writes = new Object();
    private volatile Lease held;
    /** {@link System#nanoTime()} when the last successful acquire or renewal was sent. */
    private volatile long lastConfirmedNanos;
    private volatile ScheduledFuture<?> renewal;
    private volatile ScheduledFuture<?> watchdog;

    /**
     * @param scheduler runs the renewal and the watchdog; two threads, so a hung renewal does not hide staleness
     */
    public LeaseKeeper(LeaseStore store, String owner, Duration duration, ScheduledExecutorService scheduler,
                       Consumer<LeaseLostException> onLost) {
        this(store, owner, duration, scheduler, onLost, LeaseEvents.NONE);
    }

    /** @param events told of every grant and of the first refused fenced write */
    public LeaseKeeper(LeaseStore store, String owner, Duration duration, ScheduledExecutorService scheduler,
                       Consumer<LeaseLostException> onLost, LeaseEvents events) {
        this.events = events;
        this.store = store;
        this.owner = owner;
        this.duration = duration;
        this.scheduler = scheduler;
        this.onLost = onLost;
    }

    /** Takes the lease and starts renewing it. @throws LeaseNotGrantedException when another worker holds it */
    public Lease acquire() {
        synchronized (writes) {
            throwIfLost();
            long sent = System.nanoTime();
            LeaseGrant grant = store.acquireGrant(owner, duration);
            Lease lease = grant.lease();
            lastConfirmedNanos = sent;
            held = lease;
            long period = Math.max(1, duration.toMillis() / 3);
            renewal = scheduler.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
            watchdog = scheduler.scheduleWithFixedDelay(this::checkFresh, period, period, TimeUnit.MILLISECONDS);
            log.info("lease acquired: version {}, {} s{}", lease.version(), duration.toSeconds(),
                    grant.takeover() ? " (taken over from an expired holder)" : "");
            events.acquired(grant);
            return lease;
        }
    }

    /**
     * The lease to fence a write with.
     *
     * @throws LeaseLostException when it is lost or stale
     * @throws IllegalStateException when none is held (released)
     */
    public Lease current() {
        checkFresh();
        throwIfLost();
        Lease lease = held;
        if (lease == null) {
            throw new IllegalStateException("no lease held");
        }
        return lease;
    }

    /** True while a lease is held and not known to be lost. */
    public boolean isHeld() {
        return held != null && lost.get() == null;
    }

    public boolean isLost() {
        return lost.get() != null;
    }

    /** Stops renewing and gives the lease up. @throws LeaseLostException when it was already gone */
    public void release() {
        synchronized (writes) {
            Lease lease = current();
            stopRenewing();
            held = null;
            store.release(lease);
            log.info("lease released: version {}", lease.version());
        }
    }

    /** True while the lease is held, not lost and confirmed within its duration (no write needed). */
    public boolean isFresh() {
        checkFresh();
        return isHeld();
    }

    /**
     * After a loss: true when nobody has taken the lease over meanwhile (a read). False when it was
     * taken, or the read fails.
     */
    public boolean unclaimedAfterLoss(Lease lease) {
        try {
            return store.isUnclaimed(lease);
        } catch (RuntimeException e) {
            log.warn("cannot read the lease of {}: {}", lease.containerKey(), e.toString());
            return false;
        }
    }

    /** The lease last held (also after it was lost), or null before the first acquisition. */
    public Lease last() {
        return held;
    }

    /** Records that a fenced write found the lease gone. Runs {@code onLost} the first time. */
    public void markLost(LeaseLostException cause) {
        if (lost.compareAndSet(null, cause)) {
            stopRenewing();
            log.error("{}; stopping", cause.getMessage());
            if (cause.refused()) {
                events.fencingRejected();
            }
            onLost.accept(cause);
        }
    }

    private void renew() {
        synchronized (writes) {
            // After a pause (SIGSTOP, a long GC) the overdue renewal must not revive a lease that went stale.
            checkFresh();
            Lease lease = held;
            if (lease == null || isLost()) {
                return;
            }
            long sent = System.nanoTime();
            try {
                store.renew(lease, duration);
                lastConfirmedNanos = sent;
            } catch (LeaseLostException e) {
                markLost(e);
            } catch (RuntimeException e) {
                log.warn("lease renewal of version {} failed; retrying: {}", lease.version(), e.toString());
            }
        }
    }

    private void checkFresh() {
        Lease lease = held;
        if (lease != null && !isLost() && System.nanoTime() - lastConfirmedNanos >= duration.toNanos()) {
            markLost(new LeaseLostException(lease.containerKey(),
                    "no successful renewal of version " + lease.version() + " within " + duration.toMillis() + " ms"));
        }
    }

    private void throwIfLost() {
        LeaseLostException cause = lost.get();
        if (cause != null) {
            throw cause;
        }
    }

    private void stopRenewing() {
        if (renewal != null) {
            renewal.cancel(false);
            watchdog.cancel(false);
        }
    }
}
