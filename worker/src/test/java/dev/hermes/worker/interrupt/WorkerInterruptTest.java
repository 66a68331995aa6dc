package dev.hermes.worker.interrupt;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.protocol.message.WorkerEvent;
import dev.hermes.protocol.message.WorkerEventMessage;
import dev.hermes.protocol.state.InterruptKind;
import dev.hermes.protocol.state.InterruptOutcome;
import dev.hermes.protocol.table.CommandsTable;
import dev.hermes.protocol.table.RoutesTable;
import dev.hermes.worker.ExitCode;
import dev.hermes.worker.testing.Scenario;
import dev.hermes.worker.testing.WorkerRunner;
import dev.hermes.worker.testing.WorkerScenarioTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Supersede, preempt and the ignored interrupt, with the real slow agent of {@code examples/agents},
 * real git, ElasticMQ and DynamoDB Local. The test plays the orchestrator: it sends the newer command
 * to {@code -in.fifo} and the interrupt to {@code -ctl}.
 */
class WorkerInterruptTest extends WorkerScenarioTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ThreadId THREAD_A = ThreadId.fromRootKey("<a@example.com>", 0);
    private static final ThreadId THREAD_B = ThreadId.fromRootKey("<b@example.com>", 0);
    @BeforeEach
    void project() {
        scenario.project(repo.url(), List.of(WorkerRunner.exampleAgent("slow-agent.sh").toString()),
                Map.of("SLOW_AGENT_STEP_SECONDS", "0.2"), 120L);
    }

    @Test
    void aNewerCommandOfTheThreadSupersedesTheRunningOneWhichKeepsItsWork() throws Exception {
        CommandMessage first = scenario.command(THREAD_A, "Long job", "steps: 1000");
        CompletableFuture<ExitCode> worker = start();
        awaitStep(THREAD_A, first, 1);

        CommandMessage second = scenario.command(THREAD_A, "Short job", "steps: 2");
        scenario.interrupt(first.commandId(), second.commandId(), InterruptKind.SUPERSEDE);

        ResultMessage superseded = awaitResult(first);
        ResultMessage done = awaitResult(second);
        assertEquals(CommandStatus.SUPERSEDED, superseded.status(), superseded.summary());
        assertTrue(superseded.summary().contains("stopped after step"), superseded.summary() + " / log: "
                + Files.readString(workspace.resolve("logs").resolve(first.commandId().value() + ".log")));
        assertEquals(CommandStatus.SUCCEEDED, done.status(), done.summary());

        // The WIP commit is on the branch, and the newer command's commit sits on top of it.
        String wip = superseded.commitSha();
        assertTrue(repo.message(wip).startsWith("WIP: Long job [interrupted]\n"), repo.message(wip));
        assertEquals(List.of(done.commitSha(), wip), repo.commitsAhead(THREAD_A.branch()));
        assertEquals(wip, repo.parent(done.commitSha()));
        String progress = repo.file(THREAD_A.branch(), "PROGRESS.md");
        assertTrue(progress.contains("- " + first.commandId() + " step 1\n"), progress);
        assertTrue(progress.endsWith("- " + second.commandId() + " step 2\n"), progress);
        assertEquals(CommandStatus.SUPERSEDED.name(), status(first.commandId()));
        assertEquals(ExitCode.IDLE, worker.get(60, SECONDS));
        assertEquals(0, scenario.inQueueDepth());
        assertEquals(0, scenario.ctlDepth(), "the interrupt was deleted once acted on");

        // Reported for the orchestrator's metrics: the interrupt, its latency from the (orchestrator's)
        // accept, and the superseded command's run time on the worker's clock.
        WorkerEventMessage handled = scenario.events(WorkerEvent.INTERRUPT).get(0);
        assertEquals(InterruptOutcome.SUPERSEDED, handled.outcome());
        assertEquals(first.commandId(), handled.commandId());
        assertTrue(handled.latencyMillis() >= Scenario.ACCEPT_TO_INTERRUPT.toMillis(), handled.toString());
        assertTrue(superseded.durationMillis() > 0 && done.durationMillis() > 0, superseded + " / " + done);
        assertTrue(handled.latencyMillis() <= superseded.durationMillis() + Scenario.ACCEPT_TO_INTERRUPT.toMillis()
                + 60_000, "bounded by the run it stopped: " + handled);
    }

    @Test
    void anotherThreadPreemptsTheRunningCommandWhichResumesFromItsWorkInProgress() throws Exception {
        CommandMessage a = scenario.command(THREAD_A, "Thread A work", "steps: 12");
        CompletableFuture<ExitCode> worker = start();
        awaitStep(THREAD_A, a, 1);

        CommandMessage b = scenario.command(THREAD_B, "Thread B work", "steps: 2");
        scenario.interrupt(a.commandId(), b.commandId(), InterruptKind.PREEMPT);

        ResultMessage bResult = awaitResult(b);
        assertEquals(CommandStatus.SUCCEEDED, bResult.status(), bResult.summary());
        assertTrue(scenario.result(a.commandId()).isEmpty(), "A resumes only after B");
        ResultMessage aResult = awaitResult(a);
        assertEquals(CommandStatus.SUCCEEDED, aResult.status(), aResult.summary());
        assertEquals(ExitCode.IDLE, worker.get(60, SECONDS));

        // A's branch: its WIP commit, then its final commit on top; all twelve steps done once each.
        List<String> aCommits = repo.commitsAhead(THREAD_A.branch());
        assertEquals(2, aCommits.size(), aCommits.toString());
        assertEquals(aResult.commitSha(), aCommits.get(0));
        assertTrue(repo.message(aCommits.get(1)).startsWith("WIP: Thread A work [interrupted]\n"));
        assertTrue(repo.message(aCommits.get(0)).startsWith("Thread A work\n"));
        String aProgress = repo.file(THREAD_A.branch(), "PROGRESS.md");
        for (int step = 1; step <= 12; step++) {
            assertEquals(1, count(aProgress, "- " + a.commandId() + " step " + step + "\n"), aProgress);
        }
        // B's branch never sees A's work.
        assertEquals(List.of("PROGRESS.md", "README.md"), repo.files(THREAD_B.branch()));
        assertFalse(repo.file(THREAD_B.branch(), "PROGRESS.md").contains(a.commandId().value()));
        Map<String, AttributeValue> item = scenario.commandItem(a.commandId());
        assertEquals("2", item.get(CommandsTable.ATTEMPTS).n());
        assertEquals(b.commandId().value(), item.get(CommandsTable.INTERRUPTED_BY).s());
        assertEquals(0, scenario.inQueueDepth());
    }

    @Test
    void underThePolicyInterruptAPreemptedCommandEndsInterrupted() throws Exception {
        scenario.projectAttribute(RoutesTable.PREEMPT_POLICY, AttributeValue.fromS("interrupt"));
        CommandMessage a = scenario.command(THREAD_A, "Thread A work", "steps: 1000");
        CompletableFuture<ExitCode> worker = start();
        awaitStep(THREAD_A, a, 1);

        CommandMessage b = scenario.command(THREAD_B, "Thread B work", "steps: 1");
        scenario.interrupt(a.commandId(), b.commandId(), InterruptKind.PREEMPT);

        ResultMessage aResult = awaitResult(a);
        assertEquals(CommandStatus.INTERRUPTED, aResult.status(), aResult.summary());
        assertTrue(repo.message(aResult.commitSha()).startsWith("WIP: Thread A work [interrupted]\n"));
        assertEquals(CommandStatus.SUCCEEDED, awaitResult(b).status());
        assertEquals(ExitCode.IDLE, worker.get(60, SECONDS));
        assertEquals(1, scenario.results(a.commandId()).size(), "not resumed");
        assertEquals(0, scenario.inQueueDepth());
    }

    @Test
    void anInterruptForACommandThatIsNotRunningIsIgnored() throws Exception {
        CommandMessage a = scenario.command(THREAD_A, "Runs to the end", "steps: 3");
        CompletableFuture<ExitCode> worker = start();
        awaitStep(THREAD_A, a, 1);
        scenario.interrupt(CommandId.of("test", "not-running"), CommandId.of("test", "newer"), InterruptKind.SUPERSEDE);

        ResultMessage result = awaitResult(a);
        assertEquals(CommandStatus.SUCCEEDED, result.status(), result.summary());
        assertEquals(ExitCode.IDLE, worker.get(60, SECONDS));
        assertEquals(0, scenario.ctlDepth(), "ignored and deleted");
        WorkerEventMessage ignored = scenario.events(WorkerEvent.INTERRUPT).get(0);
        assertEquals(InterruptOutcome.IGNORED, ignored.outcome());
        assertEquals(null, ignored.latencyMillis(), "no latency for an interrupt that stopped nothing");
        assertEquals(List.of(result.commitSha()), repo.commitsAhead(THREAD_A.branch()));
    }

    @Test
    void anAgentPastItsTimeoutEndsTimedOutWithItsWorkKept() throws Exception {
        scenario.project(repo.url(), List.of(WorkerRunner.exampleAgent("slow-agent.sh").toString()),
                Map.of("SLOW_AGENT_STEP_SECONDS", "0.2"), 2L);
        CommandMessage a = scenario.command(THREAD_A, "Too long", "steps: 1000");
        CompletableFuture<ExitCode> worker = start();

        ResultMessage result = awaitResult(a);
        assertEquals(CommandStatus.TIMED_OUT, result.status(), result.summary());
        assertTrue(result.summary().startsWith("agent timed out after 2 s"), result.summary());
        assertTrue(repo.message(result.commitSha()).startsWith("WIP: Too long [timed out]\n"));
        assertTrue(repo.file(THREAD_A.branch(), "PROGRESS.md").contains(a.commandId() + " step 1\n"));
        assertEquals(ExitCode.IDLE, worker.get(60, SECONDS));
    }

    private CompletableFuture<ExitCode> start() {
        return workers.start(scenario.config(workspace, Duration.ofSeconds(3), Duration.ofSeconds(5),
                Scenario.fastTimings()));
    }

    private void awaitStep(ThreadId thread, CommandMessage command, int step) {
        Path progress = workspace.resolve("sessions").resolve(thread.value()).resolve("PROGRESS.md");
        await().atMost(DEADLINE).until(() -> Files.exists(progress)
                && Files.readString(progress).contains("- " + command.commandId() + " step " + step + "\n"));
    }

    private ResultMessage awaitResult(CommandMessage command) {
        await().atMost(DEADLINE).until(() -> scenario.result(command.commandId()).isPresent());
        return scenario.result(command.commandId()).orElseThrow();
    }

    private String status(CommandId id) {
        return scenario.commandItem(id).get(CommandsTable.STATUS).s();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
