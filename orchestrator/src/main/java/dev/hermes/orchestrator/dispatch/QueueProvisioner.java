package dev.hermes.orchestrator.dispatch;

import dev.hermes.orchestrator.config.QueuesConfig;
import dev.hermes.orchestrator.container.ContainerQueues;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.naming.QueueNames;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates a container's four queues (DESIGN §5), idempotently: CreateQueue with the same
 * attributes answers the existing URL. Tagged so cleanup only ever touches Hermes's own queues.
 */
@Singleton
public class QueueProvisioner {
    /** Long enough for the worker to extend it; the worker heartbeats visibility while it runs. */
    private static final String IN_VISIBILITY_SECONDS = "60";
    private static final String RETENTION_SECONDS = "1209600";
    private final SqsClient sqs;
    private final QueuesConfig config;

    public QueueProvisioner(SqsClient sqs, QueuesConfig config) {
        this.sqs = sqs;
        this.config = config;
    }

    public ContainerQueues ensure(ContainerKey key) {
        QueueNames names = QueueNames.forContainer(config.prefix(), key);
        Map<String, String> tags = Map.of("ManagedBy", "hermes", "ContainerKey", key.value(),
                "Project", key.project().value(), "User", key.user().value());
        String dlq = create(names.dlq(), tags, Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, RETENTION_SECONDS));
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + config.maxReceiveCount() + "\"}";
        String in = create(names.in(), tags, Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
                QueueAttributeName.VISIBILITY_TIMEOUT, IN_VISIBILITY_SECONDS,
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, RETENTION_SECONDS,
                QueueAttributeName.REDRIVE_POLICY, redrive));
        String ctl = create(names.ctl(), tags, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        String out = create(names.out(), tags, Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "60",
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, RETENTION_SECONDS));
        return new ContainerQueues(in, dlq, ctl, out);
    }

    private String create(String name, Map<String, String> tags, Map<QueueAttributeName, String> attributes) {
        return sqs.createQueue(b -> b.queueName(name).attributes(attributes).tags(tags)).queueUrl();
    }
}
