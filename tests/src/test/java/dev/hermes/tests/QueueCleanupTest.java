package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.container.QueueJanitor;
import dev.hermes.orchestrator.dispatch.QueueProvisioner;
import dev.hermes.protocol.id.ContainerKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Cleanup deletes the queues of a container COLD past the retention (0 here: every COLD container
 * qualifies) and nothing else: not a container whose DLQ holds a message, not one whose lease is live, not the shared inbound-email queues, not queues without Hermes's tags. A later
 * message to the cleaned container creates its queues again.
 */
class QueueCleanupTest {
    private static LifecycleHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = LifecycleHarness.start(LifecycleHarness.Launcher.PROCESS, Map.of("hermes.queues.retention-after-cold", "0s"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void onlyTheQueuesOfALongColdEmptyContainerAreDeleted() {
        SqsClient sqs = h.bean(SqsClient.class);
        h.addUser("ivan", "sample");
        h.addUser("judy", "sample");
        JsonNode ivan = h.send("ivan", "sample", "Ivan's task");
        h.awaitDone(ivan.get("commandId").asText());
        h.awaitDone(h.send("judy", "sample", "Judy's task").get("commandId").asText());
        await().atMost(LifecycleHarness.DEADLINE).until(() -> cold("sample#ivan") && cold("sample#judy"));
        List<String> ivanQueues = urls("sample#ivan");
        // judy: COLD, but a message sits in her DLQ.
        String judyDlq = queues("sample#judy").dlq();
        sqs.sendMessage(b -> b.queueUrl(judyDlq).messageBody("{}").messageGroupId("sample#judy").messageDeduplicationId("x"));
        // kim: a worker holds the lease.
        ContainerKey kim = ContainerKey.parse("sample#kim");
        h.bean(ContainerStore.class).recordQueues(kim, h.bean(QueueProvisioner.class).ensure(kim));
        h.bean(DynamoDbClient.class).updateItem(b -> b.tableName("hermes-containers")
                .key(Map.of("containerKey", AttributeValue.fromS(kim.value())))
                .updateExpression("SET #s = :running, leaseOwner = :w, leaseExpiresAt = :exp")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":running", AttributeValue.fromS("RUNNING"), ":w", AttributeValue.fromS("w-test"),
                        ":exp", AttributeValue.fromN(Long.toString(System.currentTimeMillis() + 600_000)))));
        // Queues that are not a container's: untagged, and tagged by Hermes without a container.
        String foreign = sqs.createQueue(b -> b.queueName("hermes-foreign")).queueUrl();
        String noKey = sqs.createQueue(b -> b.queueName("hermes-nokey").tags(Map.of("ManagedBy", "hermes"))).queueUrl();

        List<String> deleted = h.bean(QueueJanitor.class).sweep();

        assertEquals(ivanQueues.stream().sorted().toList(), deleted.stream().sorted().toList());
        for (String url : ivanQueues) {
            assertThrows(QueueDoesNotExistException.class, () -> sqs.getQueueAttributes(b -> b.queueUrl(url)), url);
        }
        assertTrue(h.container("sample#ivan").get("depths").isNull(), "the row forgot the queue URLs");
        List<String> kept = new java.util.ArrayList<>(urls("sample#judy"));
        kept.addAll(urls("sample#kim"));
        kept.addAll(List.of(foreign, noKey, sqs.getQueueUrl(b -> b.queueName("hermes-inbound-email")).queueUrl(),
                sqs.getQueueUrl(b -> b.queueName("hermes-inbound-email-dlq")).queueUrl()));
        for (String url : kept) {
            sqs.getQueueAttributes(b -> b.queueUrl(url)); // still there
        }

        // The next message for ivan creates the queues again and is worked on.
        JsonNode again = h.sendToThread("ivan", ivan.get("threadId").asText(), "Ivan is back");
        JsonNode done = h.awaitDone(again.get("commandId").asText());
        assertEquals("SUCCEEDED", done.get("status").asText(), done.toString());
        assertEquals(4, urls("sample#ivan").size());
    }

    private static boolean cold(String key) {
        JsonNode c = h.container(key);
        return c != null && c.get("status").asText().equals("COLD") && h.workers(key).isEmpty();
    }

    private static dev.hermes.orchestrator.container.ContainerQueues queues(String key) {
        return h.bean(ContainerStore.class).find(ContainerKey.parse(key)).orElseThrow().queues();
    }

    private static List<String> urls(String key) {
        var q = queues(key);
        return List.of(q.in(), q.dlq(), q.ctl(), q.out());
    }
}
