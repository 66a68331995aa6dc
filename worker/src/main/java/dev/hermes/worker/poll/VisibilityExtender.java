package dev.hermes.worker.poll;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a message hidden while its command runs: every {@code period}, hide it for {@code timeout} more,
 * but only while {@code mayExtend} says so (the lease is fresh): a worker that lost its lease lets the
 * message come back to the next holder.
 */
public final class VisibilityExtender {
    private static final Logger log = LoggerFactory.getLogger(VisibilityExtender.class);

    private final InputQueue queue;
    private final ScheduledExecutorService scheduler;
    private final Duration period;
    private final Duration timeout;
    private final BooleanSupplier mayExtend;

    public VisibilityExtender(InputQueue queue, ScheduledExecutorService scheduler, Duration period, Duration timeout,
                              BooleanSupplier mayExtend) {
        this.queue = queue;
        this.scheduler = scheduler;
        this.period = period;
        this.timeout = timeout;
        this.mayExtend = mayExtend;
    }

    /** Starts extending; closing the result stops it (no extension happens after close returns). */
    public Extension extend(ReceivedMessage message) {
        Object lock = new Object();
        boolean[] closed = {false};
        ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(() -> {
            synchronized (lock) {
                if (closed[0] || !mayExtend.getAsBoolean()) {
                    return;
                }
                try {
                    queue.extendVisibility(message, timeout);
                } catch (RuntimeException e) {
                    log.warn("extending visibility of message {} on {} failed: {}", message.messageId(), queue.name(),
                            e.toString());
                }
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            synchronized (lock) {
                closed[0] = true;
                task.cancel(false);
            }
        };
    }

    /** A running extension; closing it is idempotent and never throws. */
    @FunctionalInterface
    public interface Extension extends AutoCloseable {
        @Override
        void close();
    }
}
