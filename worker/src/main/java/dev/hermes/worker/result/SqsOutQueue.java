package dev.hermes.worker.result;

import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.message.QueueMessage;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The {@code -out} standard queue on SQS (or ElasticMQ); messages in the protocol's JSON form. */
public final class SqsOutQueue implements OutQueue {
    private final SqsClient sqs;
    private final String queueUrl;
    private final MessageCodec codec;

    public SqsOutQueue(SqsClient sqs, String queueUrl, MessageCodec codec) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.codec = codec;
    }

    @Override
    public void publish(QueueMessage message) {
        String body = codec.encode(message);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }
}
