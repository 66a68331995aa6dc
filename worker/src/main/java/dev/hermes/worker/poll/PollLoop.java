package dev.hermes.worker.poll;

import dev.hermes.worker.lease.LeaseKeeper;
import dev.hermes.worker.lease.LeaseLostException;
import dev.hermes.worker.lease.LeaseNotGrantedException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-polls the input queue and hands each message to the handler, until the worker is idle for
 * {@code idleTimeout}, loses its lease, or is stopped. An exception never ends the loop: it is logged
 * with the queue name and followed by a capped back-off.
 *
 * <p>Leaving when idle closes the race with an orchestrator that enqueues as we go: release the lease
 * (the container turns COLD), look once more without waiting, and on a late message take the lease back
 * and carry on.
 *
 * <p>The control queue (interrupts) has its own loop ({@code interrupt.ControlLoop}), so that an interrupt
 * never waits behind the command it stops. Before leaving, {@code onIdle} tidies the workspace.
 */
public final class PollLoop {
    private static final Logger log = LoggerFactory.getLogger(PollLoop.class);
    static final Duration MAX_WAIT = Duration.ofSeconds(20);

    /** Why the loop ended. */
    public enum Outcome { IDLE, STOPPED, LEASE_LOST, LEASE_TAKEN }

    private final InputQueue queue;
    private final MessageHandler handler;
    private final LeaseKeeper lease;
    private final Duration idleTimeout;
    private final Backoff backoff;
    private final Runnable onIdle;
    private volatile boolean stopping;

    public PollLoop(InputQueue queue, MessageHandler handler, LeaseKeeper lease, Duration idleTimeout, Backoff backoff) {
        this(queue, handler, lease, idleTimeout, backoff, () -> { });
    }

    /** @param onIdle runs (still under the lease) each time the loop is about to leave for idleness */
    public PollLoop(InputQueue queue, MessageHandler handler, LeaseKeeper lease, Duration idleTimeout, Backoff backoff,
                    Runnable onIdle) {
        this.queue = queue;
        this.handler = handler;
        this.lease = lease;
        this.idleTimeout = idleTimeout;
        this.backoff = backoff;
        this.onIdle = onIdle;
    }

    /** Runs on the calling thread until the loop ends; the lease must be held on entry. */
    public Outcome run() {
        long lastActivity = System.nanoTime();
        while (!stopping) {
            try {
                if (!lease.isHeld()) {
                    lease.acquire();
                }
                Duration idleLeft = idleTimeout.minusNanos(System.nanoTime() - lastActivity);
                if (idleLeft.isZero() || idleLeft.isNegative()) {
                    Optional<Outcome> left = leaveIfStillIdle();
                    if (left.isPresent()) {
                        return left.get();
                    }
                } else {
                    Optional<ReceivedMessage> message = queue.receive(waitFor(idleLeft));
                    if (message.isEmpty()) {
                        backoff.reset();
                        continue;
                    }
                    handler.handle(message.get());
                }
                lastActivity = System.nanoTime();
                backoff.reset();
            } catch (LeaseLostException e) {
                lease.markLost(e);
                return Outcome.LEASE_LOST;
            } catch (LeaseNotGrantedException e) {
                log.warn("{}; leaving it to that worker", e.getMessage());
                return Outcome.LEASE_TAKEN;
            } catch (RuntimeException e) {
                if (lease.isLost()) {
                    return Outcome.LEASE_LOST;
                }
                if (stopping) {
                    break;
                }
                log.warn("polling {} failed; retrying in {} ms", queue.name(), backoff.next().toMillis(), e);
                backoff.pause();
            }
        }
        return releaseOnStop();
    }

    /** Asks the loop to end after the message in hand; the lease is then released. */
    public void stop() {
        stopping = true;
        backoff.cancel();
    }

    /** The long-poll wait: at most 20 s, no longer than the idle time left, at least 1 s. */
    static Duration waitFor(Duration idleLeft) {
        long seconds = (idleLeft.toMillis() + 999) / 1000;
        return Duration.ofSeconds(Math.max(1, Math.min(MAX_WAIT.toSeconds(), seconds)));
    }

    private Optional<Outcome> leaveIfStillIdle() {
        log.info("no message on {} for {} s; releasing the lease", queue.name(), idleTimeout.toSeconds());
        try {
            onIdle.run();
        } catch (RuntimeException e) {
            log.warn("tidying up before going idle failed: {}", e.toString());
        }
        lease.release();
        Optional<ReceivedMessage> late;
        try {
            late = queue.receive(Duration.ZERO);
        } catch (RuntimeException e) {
            log.warn("last look at {} failed; leaving anyway", queue.name(), e);
            return Optional.of(Outcome.IDLE);
        }
        if (late.isEmpty()) {
            return Optional.of(Outcome.IDLE);
        }
        log.info("message {} arrived on {} while leaving; taking the lease back", late.get().messageId(), queue.name());
        try {
            lease.acquire();
        } catch (LeaseNotGrantedException e) {
            try {
                queue.returnToQueue(late.get());
            } catch (RuntimeException returnFailed) {
                log.warn("could not return message {} to {}; it reappears after its visibility timeout",
                        late.get().messageId(), queue.name(), returnFailed);
            }
            throw e;
        }
        handler.handle(late.get());
        return Optional.empty();
    }

    private Outcome releaseOnStop() {
        if (!lease.isHeld()) {
            return Outcome.STOPPED;
        }
        try {
            lease.release();
            return Outcome.STOPPED;
        } catch (LeaseLostException e) {
            lease.markLost(e);
            return Outcome.LEASE_LOST;
        } catch (RuntimeException e) {
            log.warn("releasing the lease on stop failed; it will expire", e);
            return Outcome.STOPPED;
        }
    }
}
