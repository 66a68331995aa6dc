package dev.hermes.worker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.protocol.table.CommandsTable;
import dev.hermes.protocol.table.ContainersTable;
import dev.hermes.worker.testing.Emulators;
import dev.hermes.worker.testing.HermesTables;
import dev.hermes.worker.testing.Scenario;
import dev.hermes.worker.testing.TestRepo;
import dev.hermes.worker.testing.WorkerProcess;
import dev.hermes.worker.testing.WorkerRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Crash safety and fencing with the packaged worker as a real process: SIGKILL mid-command, and a
 * worker frozen with SIGSTOP past its lease, then resumed.
 */
class WorkerCrashIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final ThreadId THREAD = ThreadId.fromRootKey("<crash@example.com>", 0);
    private static Emulators emulators;
    private static TableNames tables;

    @TempDir
    Path dir;
    private TestRepo repo;
    private Scenario scenario;
    private Path workspace;
    private Path pids;

    @BeforeAll
    static void startEmulators() {
        emulators = Emulators.startWithDynamoDbServer();
        tables = HermesTables.create(emulators.dynamoDb(), "crash-");
    }

    @AfterAll
    static void stopEmulators() {
        emulators.close();
    }

    @BeforeEach
    void project() throws Exception {
        repo = TestRepo.create(dir.resolve("remote"));
        workspace = dir.resolve("workspace");
        pids = Files.createDirectories(dir.resolve("pids"));
        scenario = Scenario.create(emulators, tables);
        scenario.project(repo.url(), List.of(WorkerRunner.exampleAgent("slow-agent.sh").toString()),
                Map.of("SLOW_AGENT_STEP_SECONDS", "0.2", "SLOW_AGENT_PID_DIR", pids.toString()), 120L);
    }

    @Test
    void aKilledWorkersCommandIsRunAgainByTheNextFromItsBranchAndSucceedsOnce() throws Exception {
        CommandMessage command = scenario.command(THREAD, "Crash me", "steps: 60");
        try (WorkerProcess first = start("first")) {
            awaitStep(command, 2);
            long orphan = agentPid(command);
            first.kill();
            assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false),
                    "the killed worker's agent is left running");
            // Held where it is, so it is still there for the next worker however slowly that one starts.
            signal(orphan, "STOP");
            awaitLeaseExpired();

            try (WorkerProcess second = start("second")) {
                await().atMost(DEADLINE).until(() -> scenario.result(command.commandId()).isPresent());
                assertEquals(0, second.awaitExit(DEADLINE), second.output());
                await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(orphan).map(p -> !p.isAlive()).orElse(true));
                assertTrue(second.output().contains("that an earlier worker left running"), second.output());
            }
        }
        List<ResultMessage> results = scenario.results(command.commandId());
        assertEquals(1, results.size(), "exactly one result");
        assertEquals(CommandStatus.SUCCEEDED, results.get(0).status(), results.get(0).summary());
        Map<String, AttributeValue> item = scenario.commandItem(command.commandId());
        assertEquals("2", item.get(CommandsTable.ATTEMPTS).n(), "run again under the new lease");
        String progress = repo.file(THREAD.branch(), "PROGRESS.md");
        for (int step = 1; step <= 60; step++) {
            String line = "- " + command.commandId() + " step " + step + "\n";
            assertEquals(progress.indexOf(line), progress.lastIndexOf(line), "step " + step + " once:\n" + progress);
            assertTrue(progress.contains(line), "step " + step + ":\n" + progress);
        }
        assertEquals(0, scenario.inQueueDepth());

        // A redelivery of the finished command is not run again: its result is published again.
        scenario.sendAgain(command);
        try (WorkerProcess third = start("third")) {
            await().atMost(DEADLINE).until(() -> scenario.results(command.commandId()).size() == 2);
            assertEquals(0, third.awaitExit(DEADLINE));
        }
        assertEquals(results.get(0).commitSha(), scenario.results(command.commandId()).get(1).commitSha());
        assertEquals("2", scenario.commandItem(command.commandId()).get(CommandsTable.ATTEMPTS).n());
    }

    @Test
    void aWorkerFrozenPastItsLeaseWritesNothingWhenResumedAndExits() throws Exception {
        CommandMessage command = scenario.command(THREAD, "Freeze me", "steps: 60");
        Map<String, AttributeValue> commandBefore;
        Map<String, AttributeValue> containerBefore;
        try (WorkerProcess frozen = start("frozen")) {
            awaitStep(command, 1);
            long agent = agentPid(command);
            // Frozen just after a renewal landed, not while one is on its way: a request the worker had
            // already built before the freeze would otherwise land after it resumes.
            awaitRenewal();
            frozen.signal("STOP");
            awaitLeaseExpired();
            commandBefore = scenario.commandItem(command.commandId());
            containerBefore = scenario.containerItem();
            assertEquals(CommandStatus.RUNNING.name(), commandBefore.get(CommandsTable.STATUS).s());

            frozen.signal("CONT");
            assertEquals(ExitCode.LEASE_LOST.status(), frozen.awaitExit(DEADLINE), frozen.output());
            assertEquals(commandBefore, scenario.commandItem(command.commandId()), "the command item is unchanged");
            assertEquals(containerBefore, scenario.containerItem(), "the container item is unchanged");
            assertTrue(scenario.results(command.commandId()).isEmpty(), "no result published");
            assertTrue(ProcessHandle.of(agent).map(p -> !p.isAlive()).orElse(true), "its agent was stopped");
        }
        // Nobody took the lease over, so the work in progress was pushed; the next worker starts from it.
        String wip = repo.sha(THREAD.branch());
        assertTrue(repo.message(wip).startsWith("WIP: Freeze me [interrupted]\n"), repo.message(wip));

        try (WorkerProcess next = start("next")) {
            await().atMost(DEADLINE).until(() -> scenario.result(command.commandId()).isPresent());
            assertEquals(0, next.awaitExit(DEADLINE), next.output());
        }
        List<ResultMessage> results = scenario.results(command.commandId());
        assertEquals(1, results.size());
        assertEquals(CommandStatus.SUCCEEDED, results.get(0).status());
        assertEquals(wip, repo.parent(results.get(0).commitSha()));
        assertTrue(Long.parseLong(scenario.containerItem().get(ContainersTable.LEASE_VERSION).n())
                > Long.parseLong(containerBefore.get(ContainersTable.LEASE_VERSION).n()));
    }

    private WorkerProcess start(String name) {
        Map<String, String> env = scenario.environment(workspace, 4, 3);
        env.putAll(Scenario.fastTimings());
        return WorkerProcess.start(env, dir.resolve(name + ".log"));
    }

    private void awaitStep(CommandMessage command, int step) {
        Path progress = workspace.resolve("sessions").resolve(THREAD.value()).resolve("PROGRESS.md");
        await().atMost(DEADLINE).until(() -> Files.exists(progress)
                && Files.readString(progress).contains("- " + command.commandId() + " step " + step + "\n"));
    }

    private long agentPid(CommandMessage command) throws Exception {
        return Long.parseLong(Files.readString(pids.resolve(command.commandId().value() + ".pid")).strip());
    }

    /** Returns as soon as the worker has renewed its lease once more (renewals come every lease/3). */
    private void awaitRenewal() {
        String before = scenario.containerItem().get(ContainersTable.LEASE_EXPIRES_AT).n();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() ->
                !before.equals(scenario.containerItem().get(ContainersTable.LEASE_EXPIRES_AT).n()));
    }

    private static void signal(long pid, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).start();
        assertEquals(0, kill.waitFor(), "kill -s " + signal + " " + pid);
    }

    /** By the worker's own measure: the expiry it wrote has passed on this machine's clock. */
    private void awaitLeaseExpired() {
        await().atMost(DEADLINE).until(() -> {
            AttributeValue expires = scenario.containerItem().get(ContainersTable.LEASE_EXPIRES_AT);
            return expires != null && Long.parseLong(expires.n()) + 500 < System.currentTimeMillis();
        });
    }
}
