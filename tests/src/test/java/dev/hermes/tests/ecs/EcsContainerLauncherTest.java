package dev.hermes.tests.ecs;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.container.ContainerLauncher;
import dev.hermes.orchestrator.container.WorkerState;
import dev.hermes.orchestrator.container.ecs.EcsContainerLauncher;
import dev.hermes.protocol.id.ContainerKey;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;

/**
 * {@link EcsContainerLauncher} through the real SDK client (built by the orchestrator's factory) against
 * the ECS stand-in: what RunTask carries, client-token idempotency, DescribeTasks and StopTask, and
 * ECS's errors as the SDK's modelled exceptions. The worker processes find no backend here (its
 * endpoints point at a closed port on 127.0.0.1), so they exit 1, which DescribeTasks reports.
 */
class EcsContainerLauncherTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ContainerKey KEY = ContainerKey.parse("sample#alice");
    @TempDir
    static Path root;
    private static EcsStandIn standIn;
    private static ApplicationContext context;
    private static ContainerLauncher launcher;

    @BeforeAll
    static void start() throws Exception {
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        standIn = EcsStandIn.start(root, "hermes", new EcsStandIn.TaskDefinition("hermes-worker", "worker",
                repo.resolve("worker/target/hermes-worker.jar")));
        Map<String, Object> props = new HashMap<>(standIn.launcherProperties());
        props.put("aws.region", "us-east-1");
        props.put("aws.access-key-id", "hermeslocal");
        props.put("aws.secret-key", "hermeslocal");
        props.put("aws.services.sqs.endpoint-override", "http://127.0.0.1:1");
        props.put("aws.services.dynamodb.endpoint-override", "http://127.0.0.1:1");
        props.put("hermes.reaper.enabled", false);
        context = ApplicationContext.run(props);
        launcher = context.getBean(ContainerLauncher.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (standIn != null) {
            standIn.close();
        }
    }

    @Test
    void runTaskCarriesTheContainerAndOneClientTokenStartsOneTask() {
        int before = standIn.tasksStarted();
        String arn = launcher.launch(KEY, "hermes-token-1");
        assertEquals(arn, launcher.launch(KEY, "hermes-token-1"), "a retried RunTask answers the same task");
        assertEquals(before + 1, standIn.tasksStarted());
        assertTrue(arn.startsWith("arn:aws:ecs:us-east-1:000000000000:task/hermes/"), arn);

        EcsTask task = standIn.tasks().stream().filter(t -> t.arn().equals(arn)).findFirst().orElseThrow();
        assertEquals(Map.of("ManagedBy", "hermes", "ContainerKey", "sample--alice", "Project", "sample", "User", "alice"),
                task.tags());
        assertEquals("sample#alice", task.environment().get("HERMES_CONTAINER_KEY"));
        assertEquals("/workspace", task.environment().get("HERMES_WORKSPACE"));
        assertEquals("http://127.0.0.1:1", task.environment().get("HERMES_DYNAMODB_ENDPOINT"));
        assertEquals("300", task.environment().get("HERMES_IDLE_TIMEOUT_SECONDS"));

        assertNotEquals(arn, launcher.launch(KEY, "hermes-token-2"), "a new start is a new task");
    }

    @Test
    void describeReportsAWorkerThatExitedWithItsExitCode() {
        String arn = launcher.launch(KEY, "hermes-token-exit");
        WorkerState state = await().atMost(DEADLINE).until(() -> launcher.describe(arn), WorkerState::isStopped);
        assertEquals(1, state.exitCode(), "the worker found no backend and exited 1");
        assertEquals("Essential container in task exited", state.reason());
    }

    @Test
    void anUnknownTaskIsReportedStopped() {
        WorkerState state = launcher.describe("arn:aws:ecs:us-east-1:000000000000:task/hermes/0123456789abcdef");
        assertTrue(state.isStopped());
        assertEquals("task MISSING", state.reason());
    }

    @Test
    void ecsErrorsArriveAsTheSdksModelledExceptions() {
        EcsClient ecs = context.getBean(EcsClient.class);
        assertThrows(ClusterNotFoundException.class, () -> ecs.runTask(b -> b.cluster("nope").taskDefinition("hermes-worker")));
        InvalidParameterException badTag = assertThrows(InvalidParameterException.class, () -> ecs.runTask(b -> b
                .cluster("hermes").taskDefinition("hermes-worker")
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1")))
                .tags(t -> t.key("ContainerKey").value("sample#alice"))));
        assertTrue(badTag.getMessage().contains("tag is invalid"), badTag.getMessage());
        assertThrows(InvalidParameterException.class, () -> ecs.runTask(b -> b.cluster("hermes").taskDefinition("hermes-worker")),
                "Fargate needs a network configuration");
    }

    @Test
    void listTasksPagesThroughTheRunningTasks() {
        for (int i = 0; i < 3; i++) {
            launcher.launch(KEY, "hermes-token-list-" + i);
        }
        // Without a backend every worker exits: then all of them are listed as STOPPED, two per page.
        await().atMost(DEADLINE).until(() -> standIn.tasks().stream().noneMatch(t -> t.process().isAlive()));
        EcsClient ecs = context.getBean(EcsClient.class);
        List<String> stopped = ecs.listTasksPaginator(b -> b.cluster("hermes").startedBy("hermes").desiredStatus("STOPPED")
                .maxResults(2)).taskArns().stream().sorted().toList();
        assertEquals(standIn.tasks().stream().map(EcsTask::arn).sorted().toList(), stopped);
        assertEquals(List.of(), ecs.listTasks(b -> b.cluster("hermes").startedBy("hermes")).taskArns());
    }
}
