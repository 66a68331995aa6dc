package dev.hermes.worker.interrupt;

import dev.hermes.worker.poll.ReceivedMessage;
import dev.hermes.worker.poll.SqsTimestamps;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The {@code -ctl} standard queue on SQS (or ElasticMQ). */
public final class SqsControlQueue implements ControlQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsControlQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public String name() {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    @Override
    public List<ReceivedMessage> receive(Duration wait) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds((int) wait.toSeconds()).messageSystemAttributeNames(SqsTimestamps.ATTRIBUTES))
                .messages().stream()
                .map(SqsTimestamps::received)
                .toList();
    }

    @Override
    public void returnToQueue(ReceivedMessage message) {
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
    }

    @Override
    public void delete(ReceivedMessage message) {
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }
}
