package dev.hermes.worker.poll;

import java.time.Duration;
import java.util.Optional;

/** The container's command queue, one message at a time. */
public interface InputQueue {

    /** For logs and errors. */
    String name();

    /** Waits up to {@code wait} (zero: do not wait) for one message and hides it from other receivers. */
    Optional<ReceivedMessage> receive(Duration wait);

    /** Keeps {@code message} hidden for another {@code timeout} from now. */
    void extendVisibility(ReceivedMessage message, Duration timeout);

    /** Makes {@code message} visible again at once, for another receiver. */
    default void returnToQueue(ReceivedMessage message) {
        extendVisibility(message, Duration.ZERO);
    }

    /**
     * Puts {@code body} at the end of the queue as a new message. {@code deduplicationId} makes a repeated
     * call (after a crash) a no-op; it must differ for every distinct re-enqueue.
     */
    void send(String body, String deduplicationId);

    /** Removes {@code message} for good: only after its effect is durable. */
    void delete(ReceivedMessage message);
}
