package dev.hermes.worker.result;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.message.WorkerEventMessage;
import dev.hermes.protocol.state.InterruptOutcome;
import dev.hermes.worker.lease.LeaseEvents;
import dev.hermes.worker.lease.LeaseGrant;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Tells the orchestrator, on {@code -out}, what only this worker knows (lease grants, refused fenced
 * writes, handled interrupts), for its metrics: the worker exports none itself. Informational: sent
 * off the caller's thread, in order, a failure only logged; {@link #close()} waits briefly for what
 * is still to send, so a worker that is exiting still reports why.
 */
public final class EventReporter implements LeaseEvents, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventReporter.class);
    private static final long DRAIN_SECONDS = 5;
    private final ContainerKey containerKey;
    private final OutQueue out;
    private final Clock clock;
    private final ExecutorService sender;

    public EventReporter(ContainerKey containerKey, OutQueue out, Clock clock) {
        this.containerKey = containerKey;
        this.out = out;
        this.clock = clock;
        this.sender = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "hermes-events");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void acquired(LeaseGrant grant) {
        Instant startingAt = grant.startingAt() == null ? null : Instant.ofEpochMilli(grant.startingAt());
        publish(WorkerEventMessage.leaseAcquired(containerKey, grant.takeover(), startingAt, clock.instant()));
    }

    @Override
    public void fencingRejected() {
        publish(WorkerEventMessage.fencingRejected(containerKey, null, clock.instant()));
    }

    /** An interrupt of {@code target} was handled; {@code latencyMillis} null when unknown or ignored. */
    public void interrupt(CommandId target, InterruptOutcome outcome, Long latencyMillis) {
        publish(WorkerEventMessage.interrupt(containerKey, target, outcome, latencyMillis, clock.instant()));
    }

    private void publish(WorkerEventMessage event) {
        var context = MDC.getCopyOfContextMap();
        try {
            sender.execute(() -> {
                if (context != null) {
                    MDC.setContextMap(context);
                }
                try {
                    out.publish(event);
                } catch (RuntimeException e) {
                    log.warn("could not report {} to the orchestrator: {}", event.event(), e.toString());
                } finally {
                    MDC.clear();
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("not reporting {}: the worker is exiting", event.event());
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sender.shutdownNow();
        }
    }
}
