package dev.hermes.orchestrator.container;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.protocol.id.ContainerKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process launcher with a stand-in worker command ({@code sh -c 'sleep …'}): one process per start
 * token, describe while it runs and after it ended (with its exit code), stop, and the environment.
 */
class ProcessContainerLauncherTest {
    private static final ContainerKey KEY = ContainerKey.parse("sample#proc");
    @TempDir
    Path root;

    private ProcessContainerLauncher launcher(String script) throws Exception {
        Path jar = Files.writeString(root.resolve("worker.jar"), "not a jar");
        ProcessLauncherConfig config = new ProcessLauncherConfig("/bin/sh", jar.toString(), root.resolve("ws").toString(),
                300, 20, 60, 10, 5000, List.of("-c", script, "sh"), false);
        return new ProcessContainerLauncher(config, new WorkerEnvironment(new TablesConfig("t-", false), "us-east-1",
                "http://127.0.0.1:1", "http://127.0.0.1:2", new dev.hermes.orchestrator.secret.WorkerSecretsEnvironment(
                        new dev.hermes.orchestrator.secret.SecretsConfig("none", null, null, java.time.Duration.ofMinutes(5), 1), "")));
    }

    @Test
    void aRunningWorkerIsDescribedRunningUntilItIsStopped() throws Exception {
        ProcessContainerLauncher launcher = launcher("echo \"$HERMES_CONTAINER_KEY $HERMES_WORKSPACE\"; exec sleep 60");
        String handle = launcher.launch(KEY, "token-1");
        assertEquals(handle, launcher.launch(KEY, "token-1"), "one process per start token");
        assertTrue(handle.matches("pid:\\d+@\\d+"), handle);
        for (int i = 0; i < 20; i++) {
            assertEquals(WorkerState.Phase.RUNNING, launcher.describe(handle).phase(), "look " + i);
        }
        Path log = root.resolve("ws/sample--proc/worker.log");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(log) && !Files.readString(log).isBlank());
        assertEquals("sample#proc " + root.resolve("ws/sample--proc"), Files.readString(log).strip());

        launcher.stop(handle, "test");
        WorkerState stopped = await().atMost(Duration.ofSeconds(30)).until(() -> launcher.describe(handle), WorkerState::isStopped);
        assertEquals(143, stopped.exitCode(), "SIGTERM");
        launcher.stopChildren();
    }

    @Test
    void anExitedWorkerIsStoppedWithItsExitCode() throws Exception {
        ProcessContainerLauncher launcher = launcher("exit 3");
        String handle = launcher.launch(KEY, "token-2");
        WorkerState state = await().atMost(Duration.ofSeconds(30)).until(() -> launcher.describe(handle), WorkerState::isStopped);
        assertEquals(3, state.exitCode());
        assertEquals(WorkerState.Phase.STOPPED, launcher.describe("pid:999999999@1").phase(), "an unknown pid is gone");
        assertEquals(WorkerState.Phase.UNKNOWN, launcher.describe("arn:aws:ecs:task/x").phase());
    }
}
