package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.dispatch.QueueProvisioner;
import dev.hermes.protocol.id.ContainerKey;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reaper over real workers: a start left STARTING by an orchestrator that died mid-start is retried
 * after the start deadline, and a worker killed mid-command (SIGKILL: no lease release) is replaced
 * once its lease expires, and the command completes. Workers idle for 90 s here, longer than the input
 * queue's visibility timeout, so the one restart also picks up the killed worker's message.
 */
class ReaperTest {
    private static LifecycleHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = LifecycleHarness.start(LifecycleHarness.Launcher.PROCESS, Map.of("hermes.launcher.start-deadline", "10s"), 90);
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aStartStuckInStartingIsRetriedAfterTheDeadline() {
        h.addUser("liam", "sample");
        ContainerKey key = ContainerKey.parse("sample#liam");
        // An orchestrator created the queues, moved the row to STARTING and died before it launched anything.
        h.bean(ContainerStore.class).recordQueues(key, h.bean(QueueProvisioner.class).ensure(key));
        h.bean(DynamoDbClient.class).updateItem(b -> b.tableName("hermes-containers")
                .key(Map.of("containerKey", AttributeValue.fromS(key.value())))
                .updateExpression("SET #s = :starting, startingAt = :now")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":starting", AttributeValue.fromS("STARTING"),
                        ":now", AttributeValue.fromN(Long.toString(System.currentTimeMillis())))));
        double before = h.launches();

        JsonNode accepted = h.send("liam", "sample", "Are you there?");
        assertEquals(before, h.launches(), "a start is in progress: the message does not start another");
        JsonNode done = h.awaitDone(accepted.get("commandId").asText());

        assertEquals("SUCCEEDED", done.get("status").asText(), done.toString());
        assertEquals(1, h.launches() - before, "the reaper retried the stuck start once");
        assertEquals("RUNNING", h.container("sample#liam").get("status").asText());
    }

    @Test
    void aKilledWorkerWithPendingWorkIsRestartedAndTheCommandCompletes() throws Exception {
        h.addUser("mia", "slow");
        double before = h.launches();
        String id = h.send("mia", "slow", "Survive a crash.").get("commandId").asText();
        await().atMost(LifecycleHarness.DEADLINE).until(() -> h.agentStarted(id));
        Set<Long> first = h.workers("slow#mia");
        assertEquals(1, first.size(), first.toString());
        long version = h.container("slow#mia").get("lease").get("version").asLong();

        ProcessHandle.of(first.iterator().next()).orElseThrow().destroyForcibly();
        await().atMost(LifecycleHarness.DEADLINE).until(() -> h.workers("slow#mia").stream().noneMatch(first::contains));
        h.release(id);

        JsonNode done = h.awaitDone(id);
        assertEquals("SUCCEEDED", done.get("status").asText(), done.toString());
        assertEquals(2, h.launches() - before, "one restart");
        assertTrue(h.container("slow#mia").get("lease").get("version").asLong() > version, "a new lease holder");
        assertEquals(1, h.remote("slow").commitsOnly(done.get("branch").asText(), "main").size());
    }
}
