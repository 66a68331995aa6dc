package dev.hermes.orchestrator.container;

import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Queue depths from {@code GetQueueAttributes} (approximate, as SQS says: good enough to decide a restart). */
@Singleton
public class SqsQueueDepths implements QueueDepths {
    private final SqsClient sqs;

    public SqsQueueDepths(SqsClient sqs) {
        this.sqs = sqs;
    }

    @Override
    public Depth of(String queueUrl) {
        try {
            Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            return new Depth(count(a, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    count(a, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                    count(a, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED), true);
        } catch (QueueDoesNotExistException e) {
            return Depth.MISSING;
        }
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String v = attributes.get(name);
        return v == null ? 0 : Long.parseLong(v);
    }
}
