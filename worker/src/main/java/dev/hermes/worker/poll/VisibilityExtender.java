package dev.hermes.worker.poll;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a message hidden while its command runs: every {@code period}, hide it for {@code timeout} more. */
public final class VisibilityExtender {
    private static final Logger log = LoggerFactory.getLogger(VisibilityExtender.class);

    private final InputQueue queue;
    private final ScheduledExecutorService scheduler;
    private final Duration period;
    private final Duration timeout;

    public VisibilityExtender(InputQueue queue, ScheduledExecutorService scheduler, Duration period, Duration timeout) {
        this.queue = queue;
        this.scheduler = scheduler;
        this.period = period;
        this.timeout = timeout;
    }

    /** Starts extending; closing the result stops it. */
    public Extension extend(ReceivedMessage message) {
        ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(() -> {
            try {
                queue.extendVisibility(message, timeout);
            } catch (RuntimeException e) {
                log.warn("extending visibility of message {} on {} failed: {}", message.messageId(), queue.name(),
                        e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    /** A running extension; closing it is idempotent and never throws. */
    @FunctionalInterface
    public interface Extension extends AutoCloseable {
        @Override
        void close();
    }
}
