package dev.hermes.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

    @Test
    void defaultsApplyToWhatIsNotSet() {
        WorkerConfig config = WorkerConfig.fromEnvironment(Map.of(
                "HERMES_CONTAINER_KEY", "sample#alice",
                "HERMES_WORKSPACE", "/tmp/ws",
                "PATH", "/usr/bin",
                "AWS_SECRET_ACCESS_KEY", "secret"));
        assertEquals("sample#alice", config.containerKey().value());
        assertEquals("us-east-1", config.region());
        assertNull(config.sqsEndpoint());
        assertNull(config.dynamoDbEndpoint());
        assertEquals("hermes-commands", config.tables().commands());
        assertEquals(Path.of("/tmp/ws"), config.workspace());
        assertEquals(Duration.ofSeconds(300), config.idleTimeout());
        assertEquals(Duration.ofSeconds(20), config.leaseDuration());
        assertEquals(36, config.workerId().length());
        assertEquals("Hermes", config.gitIdentity().name());
        assertEquals("hermes@localhost", config.gitIdentity().email());
        assertEquals(Map.of("PATH", "/usr/bin"), config.agentBaseEnv(), "no credentials reach the agent");
    }

    @Test
    void everyVariableIsRead() {
        Map<String, String> env = new HashMap<>();
        env.put("HERMES_CONTAINER_KEY", "p1#u1");
        env.put("HERMES_AWS_REGION", "eu-west-1");
        env.put("HERMES_SQS_ENDPOINT", "http://127.0.0.1:9324");
        env.put("HERMES_DYNAMODB_ENDPOINT", "http://127.0.0.1:8000");
        env.put("HERMES_TABLE_PREFIX", "dev-");
        env.put("HERMES_WORKSPACE", "/work/x");
        env.put("HERMES_IDLE_TIMEOUT_SECONDS", "2");
        env.put("HERMES_LEASE_SECONDS", "6");
        env.put("HERMES_WORKER_ID", "w-1");
        env.put("HERMES_GIT_AUTHOR_NAME", "Bot");
        env.put("HERMES_GIT_AUTHOR_EMAIL", "bot@example.com");
        env.put("HOME", "/home/bot");
        env.put("LANG", "C.UTF-8");
        WorkerConfig config = WorkerConfig.fromEnvironment(env);
        assertEquals("eu-west-1", config.region());
        assertEquals(URI.create("http://127.0.0.1:9324"), config.sqsEndpoint());
        assertEquals(URI.create("http://127.0.0.1:8000"), config.dynamoDbEndpoint());
        assertEquals("dev-containers", config.tables().containers());
        assertEquals(Duration.ofSeconds(2), config.idleTimeout());
        assertEquals(Duration.ofSeconds(6), config.leaseDuration());
        assertEquals("w-1", config.workerId());
        assertEquals("Bot", config.gitIdentity().name());
        assertEquals(Map.of("HOME", "/home/bot", "LANG", "C.UTF-8"), config.agentBaseEnv());
    }

    @Test
    void missingOrInvalidValuesAreRejectedByName() {
        assertMessage("HERMES_CONTAINER_KEY is required", Map.of("HERMES_WORKSPACE", "/tmp"));
        assertMessage("HERMES_WORKSPACE is required", Map.of("HERMES_CONTAINER_KEY", "p#u"));
        assertMessage("HERMES_CONTAINER_KEY", Map.of("HERMES_CONTAINER_KEY", "Not A Key", "HERMES_WORKSPACE", "/tmp"));
        assertMessage("HERMES_LEASE_SECONDS", Map.of("HERMES_CONTAINER_KEY", "p#u", "HERMES_WORKSPACE", "/tmp",
                "HERMES_LEASE_SECONDS", "0"));
        assertMessage("HERMES_IDLE_TIMEOUT_SECONDS", Map.of("HERMES_CONTAINER_KEY", "p#u", "HERMES_WORKSPACE", "/tmp",
                "HERMES_IDLE_TIMEOUT_SECONDS", "soon"));
        assertMessage("HERMES_SQS_ENDPOINT", Map.of("HERMES_CONTAINER_KEY", "p#u", "HERMES_WORKSPACE", "/tmp",
                "HERMES_SQS_ENDPOINT", "not a url"));
    }

    @Test
    void theProcessExitsWithOneOnABadEnvironment() {
        assertEquals(ExitCode.FATAL, WorkerMain.run(Map.of()));
        assertEquals(1, ExitCode.FATAL.status());
        assertEquals(0, ExitCode.IDLE.status());
        assertEquals(3, ExitCode.LEASE_HELD.status());
        assertEquals(4, ExitCode.LEASE_LOST.status());
    }

    private static void assertMessage(String expected, Map<String, String> env) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> WorkerConfig.fromEnvironment(env));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
