package dev.hermes.orchestrator.result;

import dev.hermes.orchestrator.config.QueuesConfig;
import dev.hermes.orchestrator.container.ContainerRecord;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.deadletter.DeadLetterWatcher;
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
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Long-polls the {@code -out} queue of every live container with the async client, so a waiting
 * container costs no thread. Each message is handled on the blocking pool and deleted only after
 * its effect is durable. A container's poll stops once it is COLD and its queue is drained.
 */
@Singleton
public class OutputConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(OutputConsumer.class);
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private final SqsAsyncClient sqs;
    private final OutputHandler handler;
    private final ContainerStore containers;
    private final ExecutorService blocking;
    private final int waitSeconds;
    private final DeadLetterWatcher deadLetters;
    private final Map<ContainerKey, String> watched = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public OutputConsumer(SqsAsyncClient sqs, OutputHandler handler, ContainerStore containers,
                          @Named(TaskExecutors.BLOCKING) ExecutorService blocking, QueuesConfig queues,
                          DeadLetterWatcher deadLetters) {
        this.sqs = sqs;
        this.handler = handler;
        this.containers = containers;
        this.blocking = blocking;
        this.waitSeconds = queues.outputWaitSeconds();
        this.deadLetters = deadLetters;
    }

    /** Starts polling {@code outUrl} unless it is polled already. Idempotent. */
    public void watch(ContainerKey key, String outUrl) {
        deadLetters.watch(key);
        if (!closed && watched.putIfAbsent(key, outUrl) == null) {
            LOG.debug("watching output of {}", key);
            poll(key, outUrl, 0, false);
        }
    }

    /** Resumes polling for every container that has queues (after a restart). */
    public void watchAll() {
        for (ContainerRecord c : containers.all()) {
            if (c.queues() != null) {
                watch(c.key(), c.queues().out());
            }
        }
    }

    public boolean isWatching(ContainerKey key) {
        return watched.containsKey(key);
    }

    private void poll(ContainerKey key, String url, long backoffMillis, boolean lastLook) {
        if (closed) {
            return;
        }
        sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(lastLook ? 0 : waitSeconds))
                .whenCompleteAsync((response, error) -> {
                    if (error != null) {
                        long next = Math.min(MAX_BACKOFF_MILLIS, Math.max(500, backoffMillis * 2));
                        if (!closed) {
                            LOG.warn("receive from {} failed, retrying in {} ms: {}", url, next, error.toString());
                        }
                        later(next, () -> poll(key, url, next, false));
                        return;
                    }
                    afterReceive(key, url, response, lastLook);
                }, blocking);
    }

    private void afterReceive(ContainerKey key, String url, ReceiveMessageResponse response, boolean lastLook) {
        if (response.hasMessages() && !response.messages().isEmpty()) {
            for (Message m : response.messages()) {
                handleOne(url, m);
            }
            poll(key, url, 0, false);
            return;
        }
        boolean cold = containers.find(key).map(c -> c.status() == ContainerStatus.COLD).orElse(true);
        if (!cold) {
            poll(key, url, 0, false);
        } else if (!lastLook) {
            // The worker publishes before it goes COLD: one more look drains what it left.
            poll(key, url, 0, true);
        } else {
            watched.remove(key, url);
            LOG.debug("stopped watching output of {} (cold, drained)", key);
        }
    }

    private void handleOne(String url, Message m) {
        try {
            handler.handle(m.body());
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())).join();
        } catch (RuntimeException e) {
            // Left on the queue: it becomes visible again and is retried; handling is idempotent.
            LOG.error("output message {} from {} not handled: {}", m.messageId(), url, e.toString(), e);
        }
    }

    private void later(long millis, Runnable task) {
        CompletableFuture.runAsync(task, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, blocking));
    }

    @PreDestroy
    void close() {
        closed = true;
        watched.clear();
    }
}
