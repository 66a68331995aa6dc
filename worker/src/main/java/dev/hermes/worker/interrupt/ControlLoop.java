package dev.hermes.worker.interrupt;

import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.message.InterruptMessage;
import dev.hermes.protocol.message.MalformedMessageException;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.state.InterruptOutcome;
import dev.hermes.worker.poll.Backoff;
import dev.hermes.worker.poll.ReceivedMessage;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-polls the control queue on its own thread, so an interrupt never waits behind the command it
 * stops. An interrupt for the running command stops it, and its message is deleted once the command's
 * outcome is settled (should the worker die first, the interrupt comes back for the next one); any other
 * interrupt is ignored and deleted at once. A redelivered interrupt that was already acted on is ignored.
 * Only a worker that holds a fresh lease acts on interrupts: one that is leaving (idle, lease lost) puts
 * what its last long poll brought back on the queue at once, for the worker that replaces it.
 */
public final class ControlLoop {
    private static final Logger log = LoggerFactory.getLogger(ControlLoop.class);
    private static final int REMEMBERED = 1000;

    private final ControlQueue queue;
    private final MessageCodec codec;
    private final ContainerKey containerKey;
    private final InterruptTarget target;
    private final Duration wait;
    private final Backoff backoff;
    private final BooleanSupplier holdsLease;
    private final InterruptReports reports;
    private final Set<String> handled = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));
    private volatile boolean stopping;

    public ControlLoop(ControlQueue queue, MessageCodec codec, ContainerKey containerKey, InterruptTarget target,
                       Duration wait, Backoff backoff, BooleanSupplier holdsLease) {
        this(queue, codec, containerKey, target, wait, backoff, holdsLease, (interrupt, outcome, latency) -> { });
    }

    /** @param reports told of every interrupt acted on: what it did and how long it took end to end */
    public ControlLoop(ControlQueue queue, MessageCodec codec, ContainerKey containerKey, InterruptTarget target,
                       Duration wait, Backoff backoff, BooleanSupplier holdsLease, InterruptReports reports) {
        this.holdsLease = holdsLease;
        this.reports = reports;
        this.queue = queue;
        this.codec = codec;
        this.containerKey = containerKey;
        this.target = target;
        this.wait = wait;
        this.backoff = backoff;
    }

    /** Runs on the calling thread until {@link #stop()}. */
    public void run() {
        while (!stopping) {
            try {
                for (ReceivedMessage message : queue.receive(wait)) {
                    if (stopping || !holdsLease.getAsBoolean()) {
                        queue.returnToQueue(message);
                    } else {
                        handle(message);
                    }
                }
                backoff.reset();
            } catch (RuntimeException e) {
                if (stopping) {
                    break;
                }
                log.warn("polling {} failed; retrying in {} ms: {}", queue.name(), backoff.next().toMillis(), e.toString());
                backoff.pause();
            }
        }
    }

    public void stop() {
        stopping = true;
        backoff.cancel();
    }

    /**
     * From the orchestrator accepting the newer message to now (the target settled), as three
     * one-clock parts: the orchestrator's accept-to-send, SQS's sent-to-first-receive, this worker's
     * receive-to-now. Null when a part is unknown (an older orchestrator, a queue without timestamps).
     */
    static Long latency(InterruptMessage interrupt, ReceivedMessage message) {
        if (interrupt.acceptedAt() == null || message.queueMillis() < 0) {
            return null;
        }
        return interrupt.pendingMillis() + message.queueMillis() + message.millisSinceReceived();
    }

    /** Where handled interrupts are reported. */
    @FunctionalInterface
    public interface InterruptReports {
        void handled(InterruptMessage interrupt, InterruptOutcome outcome, Long latencyMillis);
    }

    private void handle(ReceivedMessage message) {
        InterruptMessage interrupt;
        try {
            interrupt = codec.decode(message.body(), InterruptMessage.class);
        } catch (MalformedMessageException e) {
            log.warn("dropping unreadable control message {} on {}: {}", message.messageId(), queue.name(), e.getMessage());
            queue.delete(message);
            return;
        }
        if (!interrupt.containerKey().equals(containerKey)) {
            log.error("dropping an interrupt for container {} found on {}", interrupt.containerKey(), queue.name());
            queue.delete(message);
            return;
        }
        String key = interrupt.target() + ">" + interrupt.by();
        if (!handled.add(key)) {
            queue.delete(message);
            return;
        }
        target.interrupt(interrupt.target(), interrupt.kind(), interrupt.by()).whenComplete((outcome, error) -> {
            if (outcome != null) {
                reports.handled(interrupt, outcome, outcome == InterruptOutcome.IGNORED ? null : latency(interrupt, message));
            }
            try {
                queue.delete(message);
            } catch (RuntimeException e) {
                log.warn("could not delete interrupt {} from {}: {}", message.messageId(), queue.name(), e.toString());
            }
        });
    }
}
