package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.orchestrator.container.ContainerLauncher;
import dev.hermes.orchestrator.container.WorkerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Workers start when work arrives and stop when idle, the same with every launcher: each subclass
 * runs these scenarios over real worker processes, ElasticMQ, DynamoDB Local and git. Every test
 * uses users of its own, so each container starts cold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerLifecycleScenarios {
    LifecycleHarness h;

    abstract LifecycleHarness.Launcher launcher();

    @BeforeAll
    void start() throws Exception {
        h = LifecycleHarness.start(launcher(), Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void twentyMessagesAtOnceForANewContainerStartOneWorker() throws Exception {
        h.addUser("dave", "sample");
        double before = h.launches();
        Set<Long> pids = new HashSet<>();
        List<String> commands = sendInParallel(20, i -> h.send("dave", "sample", "Parallel task " + i));
        for (String id : commands) {
            await().atMost(LifecycleHarness.DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
                Set<Long> live = h.workers("sample#dave");
                assertTrue(live.size() <= 1, "at most one worker for sample#dave, saw " + live);
                pids.addAll(live);
                return h.client.command(id).path("status").asText().equals("SUCCEEDED");
            });
        }
        assertEquals(1, h.launches() - before, "one launch for 20 messages");
        assertEquals(1, pids.size(), "one worker process ran them all: " + pids);
    }

    @Test
    void twoUserProjectsGetTwoWorkersAndTwoThreadsOfOneShareOne() throws Exception {
        h.addUser("erin", "sample");
        h.addUser("frank", "sample");
        double before = h.launches();
        String erinOne = h.send("erin", "sample", "Erin's first thread").get("commandId").asText();
        String erinTwo = h.send("erin", "sample", "Erin's second thread").get("commandId").asText();
        String frank = h.send("frank", "sample", "Frank's thread").get("commandId").asText();
        Set<Long> erinPids = new HashSet<>();
        Set<Long> frankPids = new HashSet<>();
        await().atMost(LifecycleHarness.DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
            erinPids.addAll(h.workers("sample#erin"));
            frankPids.addAll(h.workers("sample#frank"));
            return List.of(erinOne, erinTwo, frank).stream()
                    .allMatch(id -> h.client.command(id).path("status").asText().equals("SUCCEEDED"));
        });
        assertEquals(2, h.launches() - before, "one worker per user+project");
        assertEquals(1, erinPids.size(), "erin's two threads share one worker: " + erinPids);
        assertEquals(1, frankPids.size());
        assertNotEquals(h.client.command(erinOne).get("threadId"), h.client.command(erinTwo).get("threadId"));
        assertTrue(h.remote("sample").hasBranch(h.client.command(erinTwo).get("branch").asText()));
    }

    @Test
    void anIdleWorkerExitsAndTheNextMessageStartsANewOneOnTheSameBranch() {
        h.addUser("hank", "sample");
        double before = h.launches();
        JsonNode first = h.send("hank", "sample", "Start a changelog.");
        String threadId = first.get("threadId").asText();
        assertEquals("SUCCEEDED", h.awaitDone(first.get("commandId").asText()).get("status").asText());
        String firstHandle = h.container("sample#hank").get("launcherHandle").asText();

        // Idle for the idle timeout: the worker releases its lease, marks the container COLD and exits 0.
        await().atMost(LifecycleHarness.DEADLINE).until(() -> h.container("sample#hank").get("status").asText().equals("COLD")
                && h.workers("sample#hank").isEmpty());
        ContainerLauncher launcher = h.hermes.context().getBean(ContainerLauncher.class);
        WorkerState exited = await().atMost(LifecycleHarness.DEADLINE).until(() -> launcher.describe(firstHandle),
                WorkerState::isStopped);
        assertEquals(0, exited.exitCode(), "an idle exit is a clean exit: " + exited);
        assertTrue(h.container("sample#hank").get("lease").isNull(), "the lease is released");

        JsonNode second = h.sendToThread("hank", threadId, "Add a 0.1 entry.");
        assertEquals(threadId, second.get("threadId").asText());
        JsonNode done = h.awaitDone(second.get("commandId").asText());
        assertEquals("SUCCEEDED", done.get("status").asText(), done.toString());
        assertEquals(2, h.launches() - before, "the cold container started again");
        assertNotEquals(firstHandle, h.container("sample#hank").get("launcherHandle").asText());
        String branch = "thread-" + threadId;
        assertEquals(branch, done.get("branch").asText());
        assertEquals(2, h.remote("sample").commitsOnly(branch, "main").size(), "the new worker continued the branch");
        assertTrue(h.remote("sample").show(branch, "INSTRUCTIONS.md").contains("Start a changelog."));
    }

    @Test
    void aWorkerStoppedMidCommandLeavesItForTheNextWorker() throws Exception {
        h.addUser("ivy", "slow");
        double before = h.launches();
        String id = h.send("ivy", "slow", "Take your time.").get("commandId").asText();
        await().atMost(LifecycleHarness.DEADLINE).until(() -> h.agentStarted(id));
        ContainerLauncher launcher = h.hermes.context().getBean(ContainerLauncher.class);
        String handle = h.container("slow#ivy").get("launcherHandle").asText();
        String owner = await().atMost(LifecycleHarness.DEADLINE).until(
                () -> h.container("slow#ivy").get("lease"), lease -> !lease.isNull()).get("owner").asText();

        launcher.stop(handle, "operator stop");
        WorkerState stopped = await().atMost(LifecycleHarness.DEADLINE).until(() -> launcher.describe(handle),
                WorkerState::isStopped);
        // The stopped worker let go of its lease (the reaper may already have started the next one,
        // which then holds a lease of its own).
        await().atMost(LifecycleHarness.DEADLINE).until(() -> {
            JsonNode lease = h.container("slow#ivy").get("lease");
            return lease.isNull() || !owner.equals(lease.get("owner").asText());
        });
        h.release(id);

        // Its command is still on -in.fifo: the reaper sees queued work and no worker, and starts one.
        JsonNode done = h.awaitDone(id);
        assertEquals("SUCCEEDED", done.get("status").asText(), done.toString());
        assertEquals(2, h.launches() - before);
        if (launcher() == LifecycleHarness.Launcher.ECS) {
            assertEquals("hermes: operator stop", stopped.reason());
        }
    }

    private static List<String> sendInParallel(int n, java.util.function.IntFunction<JsonNode> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                calls.add(() -> send.apply(k).get("commandId").asText());
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }
}
