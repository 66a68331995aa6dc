package dev.hermes.orchestrator.deadletter;

import dev.hermes.orchestrator.config.QueuesConfig;
import dev.hermes.orchestrator.container.ContainerRecord;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.ContainerStatus;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Long-polls the {@code -dlq.fifo} of every live container with the async client (no thread waits) and
 * hands each message to {@link DeadLetterHandler}; deletes it only on that handler's word. A message
 * nothing can act on stays in the DLQ for an operator, but out of the way: it is moved to its own FIFO
 * group {@value #KEPT_GROUP} (marked {@value #KEPT_ATTRIBUTE}) and hidden for 12 hours at a time, so it
 * never blocks the container's later dead letters. A container's watch ends once it is COLD and one more
 * look finds its DLQ empty, as for its output.
 */
@Singleton
public class DeadLetterWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWatcher.class);
    static final String KEPT_GROUP = "hermes-kept";
    static final String KEPT_ATTRIBUTE = "hermes-kept";
    /** SQS's longest visibility timeout. */
    static final int KEEP_HIDDEN_SECONDS = 43_200;
    /** A message whose handling failed is tried again after this. */
    static final int RETRY_SECONDS = 30;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final SqsAsyncClient sqs;
    private final ContainerStore containers;
    private final DeadLetterHandler handler;
    private final ExecutorService blocking;
    private final int waitSeconds;
    private final Map<ContainerKey, String> watched = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public DeadLetterWatcher(SqsAsyncClient sqs, ContainerStore containers, DeadLetterHandler handler,
                             @Named(TaskExecutors.BLOCKING) ExecutorService blocking, QueuesConfig queues) {
        this.sqs = sqs;
        this.containers = containers;
        this.handler = handler;
        this.blocking = blocking;
        this.waitSeconds = queues.outputWaitSeconds();
    }

    /** Starts watching the container's DLQ unless it is watched already (idempotent; reads the row once). */
    public void watch(ContainerKey key) {
        if (closed || watched.containsKey(key)) {
            return;
        }
        String dlq = containers.find(key).map(ContainerRecord::queues).map(q -> q.dlq()).orElse(null);
        if (dlq != null && watched.putIfAbsent(key, dlq) == null) {
            LOG.debug("watching the DLQ of {}", key);
            poll(key, dlq, 0, false);
        }
    }

    public boolean isWatching(ContainerKey key) {
        return watched.containsKey(key);
    }

    private void poll(ContainerKey key, String url, long backoffMillis, boolean lastLook) {
        if (closed) {
            return;
        }
        sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(RETRY_SECONDS)
                        .messageAttributeNames(KEPT_ATTRIBUTE)
                        .waitTimeSeconds(lastLook ? 0 : waitSeconds))
                .whenCompleteAsync((response, error) -> {
                    if (error != null) {
                        long next = Math.min(MAX_BACKOFF_MILLIS, Math.max(500, backoffMillis * 2));
                        if (!closed) {
                            LOG.warn("receive from {} failed, retrying in {} ms: {}", url, next, error.toString());
                        }
                        CompletableFuture.runAsync(() -> poll(key, url, next, false),
                                CompletableFuture.delayedExecutor(next, TimeUnit.MILLISECONDS, blocking));
                        return;
                    }
                    if (response.hasMessages() && !response.messages().isEmpty()) {
                        response.messages().forEach(m -> handleOne(key, url, m));
                        poll(key, url, 0, false);
                    } else if (!isCold(key)) {
                        poll(key, url, 0, false);
                    } else if (!lastLook) {
                        poll(key, url, 0, true);
                    } else {
                        watched.remove(key, url);
                        LOG.debug("stopped watching the DLQ of {} (cold, empty)", key);
                    }
                }, blocking);
    }

    private boolean isCold(ContainerKey key) {
        return containers.find(key).map(c -> c.status() == ContainerStatus.COLD).orElse(true);
    }

    private void handleOne(ContainerKey key, String url, Message m) {
        try {
            if (m.messageAttributes().containsKey(KEPT_ATTRIBUTE)) {
                sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())
                        .visibilityTimeout(KEEP_HIDDEN_SECONDS)).join();
            } else if (handler.handle(key, m.body()) == DeadLetterHandler.Verdict.DELETE) {
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())).join();
            } else {
                // Copied first, deleted after: it is never lost, at worst kept twice.
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(m.body()).messageGroupId(KEPT_GROUP)
                        .messageDeduplicationId(m.messageId())
                        .messageAttributes(Map.of(KEPT_ATTRIBUTE, MessageAttributeValue.builder()
                                .dataType("String").stringValue("unreadable or unknown command").build()))).join();
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())).join();
            }
        } catch (RuntimeException e) {
            // Left in the DLQ: it shows again after RETRY_SECONDS and is handled again (idempotently).
            LOG.error("DLQ message {} from {} not handled: {}", m.messageId(), url, e.toString(), e);
        }
    }

    @PreDestroy
    void close() {
        closed = true;
        watched.clear();
    }
}
