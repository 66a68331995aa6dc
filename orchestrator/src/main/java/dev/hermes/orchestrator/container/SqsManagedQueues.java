package dev.hermes.orchestrator.container;

import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** {@link ManagedQueues} on SQS: {@code ListQueueTags} and {@code DeleteQueue}, both scoped to the Hermes prefix in IAM. */
@Singleton
public class SqsManagedQueues implements ManagedQueues {
    private final SqsClient sqs;

    public SqsManagedQueues(SqsClient sqs) {
        this.sqs = sqs;
    }

    @Override
    public Map<String, String> tags(String url) {
        try {
            return sqs.listQueueTags(b -> b.queueUrl(url)).tags();
        } catch (QueueDoesNotExistException e) {
            return Map.of();
        }
    }

    @Override
    public boolean delete(String url) {
        try {
            sqs.deleteQueue(b -> b.queueUrl(url));
            return true;
        } catch (QueueDoesNotExistException e) {
            return false;
        }
    }
}
