package dev.hermes.worker.poll;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Reads a received SQS message into a {@link ReceivedMessage}, with its time on the queue by SQS's clock. */
public final class SqsTimestamps {
    /** The system attributes a receive asks for. */
    public static final List<MessageSystemAttributeName> ATTRIBUTES = List.of(
            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, MessageSystemAttributeName.SENT_TIMESTAMP,
            MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP);

    private SqsTimestamps() {
    }

    public static ReceivedMessage received(Message message) {
        long now = System.nanoTime();
        Map<MessageSystemAttributeName, String> attributes = message.attributes();
        String count = attributes.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        return new ReceivedMessage(message.messageId(), message.body(), message.receiptHandle(),
                count == null ? 1 : Integer.parseInt(count), queueMillis(attributes), now);
    }

    /** First receive minus sent, both stamped by SQS; -1 when either is missing or unreadable. */
    static long queueMillis(Map<MessageSystemAttributeName, String> attributes) {
        try {
            long sent = Long.parseLong(attributes.get(MessageSystemAttributeName.SENT_TIMESTAMP));
            long first = Long.parseLong(attributes.get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP));
            return Math.max(0, first - sent);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
