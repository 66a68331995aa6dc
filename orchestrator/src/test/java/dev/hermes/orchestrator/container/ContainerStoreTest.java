package dev.hermes.orchestrator.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.TableProvisioner;
import dev.hermes.protocol.id.ContainerKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The container row against DynamoDB Local: one start per cold container, however many race. */
class ContainerStoreTest {
    private static AmazonDynamoDBLocal local;
    private static DynamoDbClient dynamo;
    private static DynamoDbContainerStore store;
    private static final TablesConfig TABLES = new TablesConfig("t-", true);

    @BeforeAll
    static void start() {
        local = DynamoDBEmbedded.create();
        dynamo = local.dynamoDbClient();
        new TableProvisioner(dynamo, TABLES).createMissing();
        store = new DynamoDbContainerStore(dynamo, TABLES, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        local.shutdown();
    }

    @Test
    void manyConcurrentStartsOfOneColdContainerLaunchOnce() throws Exception {
        ContainerKey key = ContainerKey.parse("sample#racer");
        store.recordQueues(key, new ContainerQueues("in", "dlq", "ctl", "out"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            long now = System.currentTimeMillis();
            List<Callable<Boolean>> starts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                starts.add(() -> store.tryMarkStarting(key, now, now - 60_000));
            }
            int winners = 0;
            for (Future<Boolean> f : pool.invokeAll(starts)) {
                winners += f.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("STARTING", store.find(key).orElseThrow().status().name());
    }

    @Test
    void aLiveLeaseBlocksAStartAndAnExpiredOneDoesNot() {
        ContainerKey key = ContainerKey.parse("sample#leased");
        store.recordQueues(key, new ContainerQueues("in", "dlq", "ctl", "out"));
        long now = System.currentTimeMillis();
        lease(key, now + 20_000);
        assertFalse(store.tryMarkStarting(key, now, now - 60_000));
        lease(key, now - 1);
        assertTrue(store.tryMarkStarting(key, now, now - 60_000));
    }

    @Test
    void aStuckStartIsRetriedAfterItsDeadlineAndAFailedOneGoesCold() {
        ContainerKey key = ContainerKey.parse("sample#stuck");
        store.recordQueues(key, new ContainerQueues("in", "dlq", "ctl", "out"));
        long t0 = System.currentTimeMillis();
        assertTrue(store.tryMarkStarting(key, t0, t0 - 60_000));
        assertFalse(store.tryMarkStarting(key, t0 + 1_000, t0 + 1_000 - 60_000), "still within its deadline");
        assertTrue(store.tryMarkStarting(key, t0 + 61_000, t0 + 1_000), "past its deadline");
        assertFalse(store.markStartFailed(key, t0), "an older start cannot fail the newer one");
        assertTrue(store.markStartFailed(key, t0 + 61_000));
        assertEquals("COLD", store.find(key).orElseThrow().status().name());
        assertEquals(1, store.nextSequence(key).sequence());
        assertEquals(2, store.nextSequence(key).sequence());
    }

    private static void lease(ContainerKey key, long expiresAt) {
        dynamo.updateItem(b -> b.tableName(TABLES.names().containers())
                .key(Map.of("containerKey", AttributeValue.fromS(key.value())))
                .updateExpression("SET leaseOwner = :o, leaseExpiresAt = :e")
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("w1"),
                        ":e", AttributeValue.fromN(Long.toString(expiresAt)))));
    }
}
