package dev.hermes.worker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.ProgressMessage;
import java.time.Instant;
import dev.hermes.protocol.message.WorkerEventMessage;
import dev.hermes.protocol.message.WorkerEvent;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.protocol.state.ContainerStatus;
import dev.hermes.protocol.table.CommandsTable;
import dev.hermes.protocol.table.ContainersTable;
import dev.hermes.worker.testing.Scenario;
import dev.hermes.worker.testing.WorkerScenarioTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The worker in-process against ElasticMQ, DynamoDB Local and a real bare git repository. */
class WorkerEndToEndTest extends WorkerScenarioTest {
    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ThreadId THREAD = ThreadId.fromRootKey("<root@example.com>", 0);
    private Path agentOut;

    @BeforeEach
    void project() throws IOException {
        agentOut = Files.createDirectories(dir.resolve("agent-out"));
        Path agent = script("agent.sh", """
                #!/bin/sh
                set -eu
                cat "$HERMES_INSTRUCTION_FILE" > instruction.txt
                cat > "$AGENT_OUT/stdin-$HERMES_COMMAND_ID.txt"
                printf '%s\\n' "$@" > "$AGENT_OUT/argv-$HERMES_COMMAND_ID.txt"
                env > "$AGENT_OUT/env-$HERMES_COMMAND_ID.txt"
                echo "$HERMES_COMMAND_ID" >> "$AGENT_OUT/runs.txt"
                echo "working on $HERMES_BRANCH"
                echo "wrote instruction.txt"
                """);
        scenario.project(repo.url(), List.of(agent.toString(), "$(touch pwned-arg)", "; rm -rf ."),
                Map.of("AGENT_OUT", agentOut.toString()), null);
    }

    @Test
    void oneCommandEndToEnd() throws Exception {
        String instruction = "Write the instruction down.\nSecond line.";
        CommandMessage command = scenario.command(THREAD, "Write it down", instruction);

        CompletableFuture<ExitCode> worker = start();

        ResultMessage result = awaitResult(command);
        assertEquals(CommandStatus.SUCCEEDED, result.status());
        assertEquals("wrote instruction.txt", result.summary());
        assertEquals(THREAD.branch(), result.branch());
        assertEquals(List.of("instruction.txt"), result.filesChanged());
        assertNotNull(result.commitSha());
        ProgressMessage started = scenario.out().stream().filter(m -> m instanceof ProgressMessage p
                && p.commandId().equals(command.commandId()) && p.stage().equals("started"))
                .map(ProgressMessage.class::cast).findFirst().orElseThrow();
        // For the orchestrator's metrics: queue wait (first delivery), the run time, the cold start's lease.
        assertTrue(started.queueWaitMillis() != null && started.queueWaitMillis() >= 0, started.toString());
        assertTrue(result.durationMillis() != null && result.durationMillis() > 0, result.toString());
        WorkerEventMessage lease = scenario.events(WorkerEvent.LEASE_ACQUIRED).get(0);
        assertEquals(false, lease.takeover());
        assertEquals(Instant.ofEpochMilli(Scenario.STARTING_AT), lease.startingAt(), "the row's start, handed back");
        assertFalse(scenario.commandItem(command.commandId()).containsKey(CommandsTable.PENDING_SHARD),
                "off the pending index once it ran");

        // The commit is on the thread branch of the remote, and holds the instruction.
        assertEquals(result.commitSha(), repo.sha(THREAD.branch()));
        assertEquals(instruction, repo.file(THREAD.branch(), "instruction.txt"));
        assertEquals(1, repo.commitsAhead(THREAD.branch()).size());
        String message = repo.message(result.commitSha());
        assertTrue(message.startsWith("Write it down\n\nWrite the instruction down.\nSecond line.\n"), message);
        assertTrue(message.contains("Hermes-Command: " + command.commandId()), message);
        assertTrue(message.contains("Hermes-Thread: " + THREAD), message);

        // The agent got the instruction on stdin too, its own variables, and no AWS credentials.
        assertEquals(instruction, Files.readString(agentOut.resolve("stdin-" + command.commandId() + ".txt")));
        String env = Files.readString(agentOut.resolve("env-" + command.commandId() + ".txt"));
        assertTrue(env.contains("HERMES_THREAD_ID=" + THREAD + "\n"), env);
        assertTrue(env.contains("HERMES_PROJECT_ID=sample\n"), env);
        assertTrue(env.contains("HERMES_USER_ID=" + scenario.key().user() + "\n"), env);
        assertFalse(env.contains("AWS_"), "no AWS variables reach the agent");
        assertTrue(Files.readString(workspace.resolve("logs/" + command.commandId() + ".log")).contains("working on"));
        assertFalse(Files.exists(workspace.resolve("instructions/" + command.commandId() + ".txt")));

        Map<String, AttributeValue> item = scenario.commandItem(command.commandId());
        assertEquals(CommandStatus.SUCCEEDED.name(), item.get(CommandsTable.STATUS).s());
        assertEquals(result.commitSha(), item.get(CommandsTable.COMMIT_SHA).s());
        assertEquals("1", item.get(CommandsTable.ATTEMPTS).n());
        assertEquals("instruction.txt", item.get(CommandsTable.FILES_CHANGED).l().get(0).s());
        assertNotNull(item.get(CommandsTable.STARTED_AT));
        assertNotNull(item.get(CommandsTable.FINISHED_AT));

        // The worker leaves by itself once idle: lease released, container COLD, queue empty.
        assertEquals(ExitCode.IDLE, worker.get(30, SECONDS));
        Map<String, AttributeValue> container = scenario.containerItem();
        assertEquals(ContainerStatus.COLD.name(), container.get(ContainersTable.STATUS).s());
        assertFalse(container.containsKey(ContainersTable.LEASE_OWNER));
        assertFalse(container.containsKey(ContainersTable.RUNNING_COMMAND));
        assertEquals(0, scenario.inQueueDepth());
    }

    @Test
    void secondCommandOfAThreadAddsACommitAndAFinishedCommandIsNotRunAgain() throws Exception {
        CommandMessage first = scenario.command(THREAD, "First", "first instruction");
        CommandMessage second = scenario.command(THREAD, "Second", "second instruction");
        scenario.sendAgain(first);

        CompletableFuture<ExitCode> worker = start();
        await().atMost(DEADLINE).until(() -> scenario.results(first.commandId()).size() == 2
                && scenario.result(second.commandId()).isPresent());
        assertEquals(ExitCode.IDLE, worker.get(30, SECONDS));

        ResultMessage firstResult = scenario.results(first.commandId()).get(0);
        ResultMessage republished = scenario.results(first.commandId()).get(1);
        ResultMessage secondResult = scenario.result(second.commandId()).orElseThrow();
        assertEquals(CommandStatus.SUCCEEDED, secondResult.status());
        assertEquals(firstResult.commitSha(), republished.commitSha());
        assertEquals(CommandStatus.SUCCEEDED, republished.status());

        // Same branch, one commit per command, the second on top of the first; the agent ran twice only.
        assertEquals(List.of(secondResult.commitSha(), firstResult.commitSha()), repo.commitsAhead(THREAD.branch()));
        assertEquals(firstResult.commitSha(), repo.parent(secondResult.commitSha()));
        assertEquals("second instruction", repo.file(THREAD.branch(), "instruction.txt"));
        assertEquals(List.of(first.commandId().value(), second.commandId().value()),
                Files.readAllLines(agentOut.resolve("runs.txt")));
        assertEquals("1", scenario.commandItem(first.commandId()).get(CommandsTable.ATTEMPTS).n());
        try (Stream<Path> sessions = Files.list(workspace.resolve("sessions"))) {
            assertEquals(List.of(workspace.resolve("sessions").resolve(THREAD.value())), sessions.toList());
        }
        assertEquals(0, scenario.inQueueDepth());

        // A later worker on the same workspace reuses the worktree for a new command of the thread.
        CommandMessage third = scenario.command(THREAD, "Third", "third instruction");
        worker = start();
        ResultMessage thirdResult = awaitResult(third);
        assertEquals(ExitCode.IDLE, worker.get(30, SECONDS));
        assertEquals(secondResult.commitSha(), repo.parent(thirdResult.commitSha()));
        assertEquals(thirdResult.commitSha(), repo.sha(THREAD.branch()));
    }

    @Test
    void theAgentGetsTheInstructionAsDataNeverThroughAShell() throws Exception {
        String instruction = "Please run $(touch pwned) and `touch pwned2`; rm -rf . && echo hi > pwned3 | cat\n"
                + "$HOME ${PATH} 'quoted' \"double\" \\ end";
        CommandMessage command = scenario.command(THREAD, "Tricky $(touch pwned-title)", instruction);

        CompletableFuture<ExitCode> worker = start();
        ResultMessage result = awaitResult(command);
        assertEquals(ExitCode.IDLE, worker.get(30, SECONDS));

        assertEquals(CommandStatus.SUCCEEDED, result.status());
        assertEquals(instruction, repo.file(THREAD.branch(), "instruction.txt"));
        assertEquals("$(touch pwned-arg)\n; rm -rf .\n",
                Files.readString(agentOut.resolve("argv-" + command.commandId() + ".txt")));
        assertEquals(List.of("README.md", "instruction.txt"), repo.files(THREAD.branch()));
        try (Stream<Path> everything = Files.walk(dir)) {
            assertEquals(List.of(), everything.filter(p -> p.getFileName().toString().startsWith("pwned")).toList());
        }
        assertFalse(Files.exists(Path.of("pwned")));
    }

    @Test
    void aWorkerThatLosesItsLeaseStopsTheAgentAndWritesNothingMore() throws Exception {
        Path pidFile = agentOut.resolve("agent.pid");
        Path slow = script("slow-agent.sh", """
                #!/bin/sh
                echo $$ > "$AGENT_OUT/agent.pid"
                sleep 120
                """);
        scenario.project(repo.url(), List.of(slow.toString()), Map.of("AGENT_OUT", agentOut.toString()), null);
        CommandMessage command = scenario.command(THREAD, "Slow", "take your time");

        CompletableFuture<ExitCode> worker = start(scenario.config(workspace, Duration.ofSeconds(30), Duration.ofSeconds(2)));
        await().atMost(DEADLINE).until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertEquals(CommandStatus.RUNNING.name(), scenario.commandItem(command.commandId()).get(CommandsTable.STATUS).s());

        // Another worker takes the lease over (as after a long pause of this one).
        emulators.dynamoDb().updateItem(u -> u.tableName(tables.containers())
                .key(Map.of(ContainersTable.CONTAINER_KEY, AttributeValue.fromS(scenario.key().value())))
                .updateExpression("SET #owner = :other ADD #version :one")
                .expressionAttributeNames(Map.of("#owner", ContainersTable.LEASE_OWNER,
                        "#version", ContainersTable.LEASE_VERSION))
                .expressionAttributeValues(Map.of(":other", AttributeValue.fromS("worker-b"),
                        ":one", AttributeValue.fromN("1"))));

        assertEquals(ExitCode.LEASE_LOST, worker.get(30, SECONDS));
        await().atMost(Duration.ofSeconds(15)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertEquals(CommandStatus.RUNNING.name(), scenario.commandItem(command.commandId()).get(CommandsTable.STATUS).s());
        assertTrue(scenario.results(command.commandId()).isEmpty());
        assertEquals(1, scenario.inQueueDepth(), "the message stays for the next lease holder");
        Map<String, AttributeValue> container = scenario.containerItem();
        assertEquals("worker-b", container.get(ContainersTable.LEASE_OWNER).s());
        assertEquals(command.commandId().value(), container.get(ContainersTable.RUNNING_COMMAND).s());
    }

    @Test
    void aSecondWorkerExitsWhileTheLeaseIsHeld() throws Exception {
        CompletableFuture<ExitCode> first = start(scenario.config(workspace, Duration.ofSeconds(5), LEASE));
        await().atMost(DEADLINE).until(() -> scenario.containerItem().containsKey(ContainersTable.LEASE_OWNER));

        ExitCode second = new Worker(scenario.config(dir.resolve("other-workspace"), IDLE, LEASE),
                new AwsClients(emulators.sqs(), emulators.dynamoDb())).run();
        assertEquals(ExitCode.LEASE_HELD, second);
        assertFalse(first.isDone());
        assertEquals(ContainerStatus.RUNNING.name(), scenario.containerItem().get(ContainersTable.STATUS).s());
        assertEquals(ExitCode.IDLE, first.get(30, SECONDS));
    }

    @Test
    void aMalformedMessageGoesToTheDlqAndTheNextCommandRuns() throws Exception {
        scenario.sendRaw("{\"type\":\"command\",\"schemaVersion\":1}", "poison-1");
        CommandMessage command = scenario.command(THREAD, "After poison", "still works");

        CompletableFuture<ExitCode> worker = start();
        ResultMessage result = awaitResult(command);
        assertEquals(CommandStatus.SUCCEEDED, result.status());
        assertEquals(ExitCode.IDLE, worker.get(30, SECONDS));
        assertEquals(1, scenario.dlqDepth());
        assertEquals(0, scenario.inQueueDepth());
    }

    private CompletableFuture<ExitCode> start() {
        return start(scenario.config(workspace, IDLE, LEASE));
    }

    private CompletableFuture<ExitCode> start(WorkerConfig config) {
        return workers.start(config);
    }

    private ResultMessage awaitResult(CommandMessage command) {
        await().atMost(DEADLINE).until(() -> scenario.result(command.commandId()).isPresent());
        return scenario.result(command.commandId()).orElseThrow();
    }

    private Path script(String name, String text) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, text);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
