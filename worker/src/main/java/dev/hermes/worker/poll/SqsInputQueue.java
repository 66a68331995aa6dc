package dev.hermes.worker.poll;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/** The {@code -in.fifo} queue on SQS (or ElasticMQ). */
public final class SqsInputQueue implements InputQueue {
    private final SqsClient sqs;
    private final String queueUrl;
    private final Duration visibilityTimeout;
    private final String messageGroupId;

    /** @param messageGroupId the FIFO group of every command of the container: its key */
    public SqsInputQueue(SqsClient sqs, String queueUrl, Duration visibilityTimeout, String messageGroupId) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.visibilityTimeout = visibilityTimeout;
        this.messageGroupId = messageGroupId;
    }

    @Override
    public String name() {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    @Override
    public Optional<ReceivedMessage> receive(Duration wait) {
        ReceiveMessageResponse response = sqs.receiveMessage(b -> b
                .queueUrl(queueUrl)
                .maxNumberOfMessages(1)
                .waitTimeSeconds((int) wait.toSeconds())
                .visibilityTimeout((int) visibilityTimeout.toSeconds())
                .messageSystemAttributeNames(SqsTimestamps.ATTRIBUTES));
        List<Message> messages = response.messages();
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SqsTimestamps.received(messages.get(0)));
    }

    @Override
    public void extendVisibility(ReceivedMessage message, Duration timeout) {
        sqs.changeMessageVisibility(b -> b
                .queueUrl(queueUrl)
                .receiptHandle(message.receiptHandle())
                .visibilityTimeout((int) timeout.toSeconds()));
    }

    @Override
    public void send(String body, String deduplicationId) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).messageGroupId(messageGroupId)
                .messageDeduplicationId(deduplicationId));
    }

    @Override
    public void delete(ReceivedMessage message) {
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }
}
