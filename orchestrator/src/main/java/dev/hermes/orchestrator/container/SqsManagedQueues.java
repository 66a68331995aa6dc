package dev.hermes.orchestrator.container;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** {@link ManagedQueues} on SQS: {@code ListQueues} by prefix page by page ({@code NextToken}). */
@Singleton
public class SqsManagedQueues implements ManagedQueues {
    static final int PAGE_SIZE = 1000;
    private final SqsClient sqs;

    public SqsManagedQueues(SqsClient sqs) {
        this.sqs = sqs;
    }

    @Override
    public List<String> list(String prefix) {
        List<String> urls = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListQueuesResponse page = sqs.listQueues(b -> b.queueNamePrefix(prefix).maxResults(PAGE_SIZE).nextToken(next));
            urls.addAll(page.queueUrls());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return urls;
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
    public boolean createdBefore(String url, long epochMillis) {
        try {
            String created = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.CREATED_TIMESTAMP))
                    .attributes().get(QueueAttributeName.CREATED_TIMESTAMP);
            return created != null && Long.parseLong(created) * 1000 < epochMillis;
        } catch (QueueDoesNotExistException e) {
            return false;
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
