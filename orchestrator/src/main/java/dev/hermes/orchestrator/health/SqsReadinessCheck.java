package dev.hermes.orchestrator.health;

import dev.hermes.orchestrator.config.QueuesConfig;
import dev.hermes.protocol.naming.QueueNames;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * SQS answers for Hermes's queues: {@code GetQueueUrl} of the shared {@code inbound-email} queue.
 * "No such queue" is an answer too (a deployment without the SES queue), so it counts as up;
 * a refused connection, a timeout or an authorization failure does not.
 */
@Singleton
public class SqsReadinessCheck implements ReadinessCheck {
    private final SqsClient sqs;
    private final String queue;

    public SqsReadinessCheck(SqsClient sqs, QueuesConfig queues) {
        this.sqs = sqs;
        this.queue = QueueNames.inboundEmail(queues.prefix());
    }

    @Override
    public String name() {
        return "sqs";
    }

    @Override
    public void check() {
        try {
            sqs.getQueueUrl(b -> b.queueName(queue));
        } catch (QueueDoesNotExistException absent) {
            // SQS answered.
        }
    }
}
