package dev.hermes.worker.poll;

import java.util.Objects;

/** One message taken from a queue and not yet deleted. {@code receiveCount} is 1 on the first delivery. */
public record ReceivedMessage(String messageId, String body, String receiptHandle, int receiveCount) {
    public ReceivedMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(receiptHandle, "receiptHandle");
        body = body == null ? "" : body;
    }
}
