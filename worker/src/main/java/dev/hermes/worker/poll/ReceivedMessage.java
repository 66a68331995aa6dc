package dev.hermes.worker.poll;

import java.util.Objects;

/**
 * One message taken from a queue and not yet deleted. {@code receiveCount} is 1 on the first delivery.
 * {@code queueMillis} is how long it waited on the queue before its first receive, by SQS's own clock
 * (first-receive minus sent timestamp), -1 when unknown; {@code receivedNanos} is this worker's
 * {@link System#nanoTime()} when it was received, so later durations stay on one clock each.
 */
public record ReceivedMessage(String messageId, String body, String receiptHandle, int receiveCount, long queueMillis,
                              long receivedNanos) {
    public ReceivedMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(receiptHandle, "receiptHandle");
        body = body == null ? "" : body;
    }

    public ReceivedMessage(String messageId, String body, String receiptHandle, int receiveCount) {
        this(messageId, body, receiptHandle, receiveCount, -1, System.nanoTime());
    }

    /** Whole milliseconds on this worker's monotonic clock since the message was received. */
    public long millisSinceReceived() {
        return Math.max(0, (System.nanoTime() - receivedNanos) / 1_000_000);
    }
}
