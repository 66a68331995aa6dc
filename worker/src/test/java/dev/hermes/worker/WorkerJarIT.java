package dev.hermes.worker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.protocol.state.ContainerStatus;
import dev.hermes.protocol.table.ContainersTable;
import dev.hermes.worker.testing.Emulators;
import dev.hermes.worker.testing.HermesTables;
import dev.hermes.worker.testing.Scenario;
import dev.hermes.worker.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged worker, started as its launcher does: {@code java -jar target/hermes-worker.jar}. */
class WorkerJarIT {
    private static final Path JAR = Path.of(System.getProperty("basedir", ".")).resolve("target/hermes-worker.jar");
    private static Emulators emulators;
    private static TableNames tables;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEmulators() {
        emulators = Emulators.startWithDynamoDbServer();
        tables = HermesTables.create(emulators.dynamoDb(), "jar-");
    }

    @AfterAll
    static void stopEmulators() {
        emulators.close();
    }

    @Test
    void thePackagedWorkerRunsACommandAndExitsWhenIdle() throws Exception {
        TestRepo repo = TestRepo.create(dir.resolve("remote"));
        Path agent = dir.resolve("agent.sh");
        Files.writeString(agent, "#!/bin/sh\ncat \"$HERMES_INSTRUCTION_FILE\" > instruction.txt\necho done\n");
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwx------"));
        Scenario scenario = Scenario.create(emulators, tables);
        scenario.project(repo.url(), List.of(agent.toString()), null, 60L);
        ThreadId thread = ThreadId.fromRootKey("jar-test", 0);
        CommandMessage command = scenario.command(thread, "From the jar", "written by the packaged worker");

        Path log = dir.resolve("worker.log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(scenario.environment(dir.resolve("workspace"), 2, 6));
        env.put("AWS_ACCESS_KEY_ID", "hermeslocal");   // DynamoDB Local 2.x accepts letters and digits only
        env.put("AWS_SECRET_ACCESS_KEY", "hermeslocal");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        Process worker = builder.start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> !worker.isAlive());
        } finally {
            worker.destroyForcibly();
        }

        String output = Files.readString(log);
        assertEquals(0, worker.exitValue(), output);
        // JSON lines, the container key in every line's MDC.
        assertTrue(output.lines().filter(line -> line.startsWith("{")).allMatch(
                line -> line.contains("\"containerKey\":\"" + scenario.key() + "\"")), output);
        assertTrue(output.contains("\"formattedMessage\":"), output);
        assertFalse(output.contains("written by the packaged worker"), "the instruction is never logged");
        ResultMessage result = scenario.result(command.commandId()).orElseThrow(() -> new AssertionError(output));
        assertEquals(CommandStatus.SUCCEEDED, result.status());
        assertEquals(result.commitSha(), repo.sha(thread.branch()));
        assertEquals("written by the packaged worker", repo.file(thread.branch(), "instruction.txt"));
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> container = scenario.containerItem();
        assertEquals(ContainerStatus.COLD.name(), container.get(ContainersTable.STATUS).s());
        assertFalse(container.containsKey(ContainersTable.LEASE_OWNER));
        assertEquals(0, scenario.inQueueDepth());
    }
}
