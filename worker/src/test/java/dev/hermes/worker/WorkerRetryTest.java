package dev.hermes.worker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.protocol.table.CommandsTable;
import dev.hermes.worker.testing.Scenario;
import dev.hermes.worker.testing.WorkerRunner;
import dev.hermes.worker.testing.WorkerScenarioTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Which failures are retried (and end in the DLQ), which are final, and what idleness tidies away. */
class WorkerRetryTest extends WorkerScenarioTest {
    private static final ThreadId THREAD = ThreadId.fromRootKey("<retry@example.com>", 0);

    @Test
    void anAgentThatAlwaysFailsIsTriedThreeTimesKeepingEachAttemptsWorkThenDeadLettered() throws Exception {
        scenario.project(repo.url(), List.of(WorkerRunner.exampleAgent("failing-agent.sh").toString()), null, 60L);
        CommandMessage command = scenario.command(THREAD, "Doomed", "this will never work");
        CompletableFuture<ExitCode> worker = start(Duration.ofSeconds(8), Map.of());

        await().atMost(Duration.ofSeconds(90)).until(() -> scenario.dlqDepth() == 1);
        assertEquals(ExitCode.IDLE, worker.get(60, SECONDS));

        Map<String, AttributeValue> item = scenario.commandItem(command.commandId());
        assertEquals(CommandStatus.QUEUED.name(), item.get(CommandsTable.STATUS).s(), "left for the DLQ, not FAILED");
        assertEquals("3", item.get(CommandsTable.ATTEMPTS).n());
        assertTrue(item.get(CommandsTable.LAST_ERROR).s().contains("this agent always fails (attempt 3)"),
                item.get(CommandsTable.LAST_ERROR).s());
        assertEquals(CommandsTable.PENDING_SHARD_ALL, item.get(CommandsTable.PENDING_SHARD).s(),
                "waiting for its next try: on the pending index");
        assertTrue(Long.parseLong(item.get(CommandsTable.PENDING_SINCE).n())
                > Long.parseLong(item.get(CommandsTable.CREATED_AT).n()), "pending since the last requeue");
        assertTrue(scenario.results(command.commandId()).isEmpty(), "no result: the orchestrator hears of it from the DLQ");
        assertEquals(0, scenario.inQueueDepth());
        List<String> commits = repo.commitsAhead(THREAD.branch());
        assertEquals(3, commits.size());
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertTrue(repo.message(commits.get(3 - attempt)).startsWith("WIP: Doomed [attempt " + attempt + " failed]\n"));
        }
    }

    @Test
    void anAgentThatCannotStartFailsAtOnce() throws Exception {
        scenario.project(repo.url(), List.of(dir.resolve("no-such-agent").toString()), null, 60L);
        CommandMessage command = scenario.command(THREAD, "Nothing to run", "hello");
        CompletableFuture<ExitCode> worker = start(Duration.ofSeconds(3), Map.of());

        await().atMost(Duration.ofSeconds(60)).until(() -> scenario.result(command.commandId()).isPresent());
        ResultMessage result = scenario.result(command.commandId()).orElseThrow();
        assertEquals(CommandStatus.FAILED, result.status());
        assertTrue(result.summary().startsWith("agent could not start"), result.summary());
        assertEquals(ExitCode.IDLE, worker.get(60, SECONDS));
        assertEquals("1", scenario.commandItem(command.commandId()).get(CommandsTable.ATTEMPTS).n());
        assertEquals(0, scenario.dlqDepth());
    }

    @Test
    void goingIdleRemovesWorktreesWhoseWorkIsPushedAndKeepsOthers() throws Exception {
        scenario.project(repo.url(), List.of(WorkerRunner.exampleAgent("record-instruction.sh").toString()), null, 60L);
        ThreadId other = ThreadId.fromRootKey("<other@example.com>", 0);
        CommandMessage first = scenario.command(THREAD, "One", "first");
        CommandMessage second = scenario.command(other, "Two", "second");
        Map<String, String> keepNothing = Map.of(WorkerConfig.WORKTREE_RETENTION_SECONDS, "0");

        CompletableFuture<ExitCode> worker = start(Duration.ofSeconds(3), keepNothing);
        await().atMost(Duration.ofSeconds(60)).until(() -> scenario.result(second.commandId()).isPresent());
        // Someone leaves an uncommitted file in the second thread's tree before the worker goes idle.
        Files.writeString(workspace.resolve("sessions").resolve(other.value()).resolve("scratch.txt"), "not pushed\n");
        assertEquals(ExitCode.IDLE, worker.get(60, SECONDS));

        try (Stream<Path> sessions = Files.list(workspace.resolve("sessions"))) {
            assertEquals(List.of(workspace.resolve("sessions").resolve(other.value())), sessions.toList());
        }
        assertEquals(CommandStatus.SUCCEEDED, scenario.result(first.commandId()).orElseThrow().status());
        assertFalse(Files.exists(workspace.resolve("used").resolve(THREAD.value())));

        // The next command of the pruned thread gets a fresh worktree from its remote branch.
        CommandMessage third = scenario.command(THREAD, "Three", "third");
        worker = start(Duration.ofSeconds(3), Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> scenario.result(third.commandId()).isPresent());
        assertEquals(ExitCode.IDLE, worker.get(60, SECONDS));
        assertEquals(scenario.result(first.commandId()).orElseThrow().commitSha(),
                repo.parent(scenario.result(third.commandId()).orElseThrow().commitSha()));
    }

    private CompletableFuture<ExitCode> start(Duration idle, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Scenario.fastTimings());
        env.putAll(more);
        return workers.start(scenario.config(workspace, idle, Duration.ofSeconds(5), env));
    }
}
