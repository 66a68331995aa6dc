package dev.hermes.orchestrator.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.TableProvisioner;
import dev.hermes.protocol.id.ContainerKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The running cap against DynamoDB Local: however many containers race, no more than the cap start. */
class StartSlotsTest {
    private static final TablesConfig TABLES = new TablesConfig("slots-", true);
    private static AmazonDynamoDBLocal local;
    private static DynamoDbContainerStore store;
    private static DynamoDbStartSlots slots;

    @BeforeAll
    static void start() {
        local = DynamoDBEmbedded.create();
        DynamoDbClient dynamo = local.dynamoDbClient();
        new TableProvisioner(dynamo, TABLES).createMissing();
        store = new DynamoDbContainerStore(dynamo, TABLES, Clock.systemUTC());
        slots = new DynamoDbStartSlots(dynamo, TABLES);
    }

    @AfterAll
    static void stop() {
        local.shutdown();
    }

    @Test
    void twelveContainersRacingForThreeSlotsStartThree() throws Exception {
        List<ContainerKey> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ContainerKey key = ContainerKey.parse("sample#racer" + i);
            store.recordQueues(key, new ContainerQueues("in", "dlq", "ctl", "out"));
            keys.add(key);
        }
        long now = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<StartSlots.Outcome> outcomes = new ArrayList<>();
        try {
            List<Callable<StartSlots.Outcome>> starts = new ArrayList<>();
            for (ContainerKey key : keys) {
                starts.add(() -> slots.tryStart(key, now, now - 60_000, 1, 0, 3));
            }
            for (Future<StartSlots.Outcome> f : pool.invokeAll(starts)) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, outcomes.stream().filter(o -> o == StartSlots.Outcome.STARTED).count(), outcomes.toString());
        assertEquals(9, outcomes.stream().filter(o -> o == StartSlots.Outcome.FULL).count(), outcomes.toString());
        assertEquals(3, slots.running(now, now - 60_000));
        assertEquals(3, store.all().stream().filter(c -> c.status().name().equals("STARTING")).count(),
                "the gate item is not a container");

        // A start that failed frees its slot; a stale one no longer counts.
        ContainerRecord started = store.all().stream().filter(c -> c.status().name().equals("STARTING")).findFirst().orElseThrow();
        assertTrue(store.markStartFailed(started.key(), started.startingAt()));
        ContainerKey next = keys.stream().filter(k -> store.find(k).orElseThrow().status().name().equals("COLD")
                && !k.equals(started.key())).findFirst().orElseThrow();
        assertEquals(StartSlots.Outcome.STARTED, slots.tryStart(next, now + 1, now - 60_000, 1, 0, 3));
        assertEquals(StartSlots.Outcome.FULL, slots.tryStart(started.key(), now + 2, now - 60_000, 1, 0, 3));
        assertEquals(0, slots.running(now + 120_000, now + 60_000), "starts past their deadline are not running");
    }
}
