package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.ContainerKey;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a worker as a local child process ({@code java -jar hermes-worker.jar}) with its own
 * workspace under {@code workspace-root/{containerId}}. Arguments are a list: no shell. The handle
 * is {@code pid:{pid}@{start millis}}, so a reused pid is never taken for the worker.
 */
@Singleton
@Requires(property = "hermes.launcher.kind", value = "process", defaultValue = "process")
public class ProcessContainerLauncher implements ContainerLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessContainerLauncher.class);
    private final ProcessLauncherConfig config;
    private final WorkerEnvironment workerEnv;
    /** Children are remembered after they exit, for their exit code; past this many, the exited ones go. */
    private static final int MAX_REMEMBERED = 1000;
    private final Map<Long, Process> children = new ConcurrentHashMap<>();
    private final Map<String, String> byToken = new ConcurrentHashMap<>();
    private final ClassDataArchive classData;

    public ProcessContainerLauncher(ProcessLauncherConfig config, WorkerEnvironment workerEnv) {
        this.config = config;
        this.workerEnv = workerEnv;
        this.classData = config.classDataSharing() && config.workerJar() != null && config.workspaceRoot() != null
                ? ClassDataArchive.forJar(Path.of(config.workerJar()), Path.of(config.workspaceRoot()).resolve(".cds"))
                : null;
    }

    @Override
    public String kind() {
        return "process";
    }

    @Override
    public synchronized String launch(ContainerKey key, String startToken) {
        String earlier = byToken.get(startToken);
        if (earlier != null) {
            return earlier;
        }
        if (config.workerJar() == null || config.workspaceRoot() == null) {
            throw new LaunchFailedException(key, "hermes.launcher.process.worker-jar and workspace-root must be set", null);
        }
        Path workspace = Path.of(config.workspaceRoot()).resolve(key.containerId());
        try {
            Files.createDirectories(workspace);
            ClassDataArchive.Use cds = classData == null ? new ClassDataArchive.Use(List.of(), null)
                    : classData.next(System.nanoTime());
            ProcessBuilder pb = new ProcessBuilder(config.command(cds.options(), new File(config.workerJar()).getAbsolutePath()));
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(name -> name.startsWith("HERMES_"));
            env.putAll(workerEnv.of(key, config.idleTimeoutSeconds(), config.leaseSeconds()));
            env.put("HERMES_WORKSPACE", workspace.toString());
            env.put("HERMES_VISIBILITY_TIMEOUT_SECONDS", Integer.toString(config.visibilityTimeoutSeconds()));
            env.put("HERMES_RETRY_BACKOFF_SECONDS", Integer.toString(config.retryBackoffSeconds()));
            env.put("HERMES_STOP_GRACE_MILLIS", Integer.toString(config.stopGraceMillis()));
            if (workerEnv.emulated()) {
                // Emulators take any credentials: never hand a local worker real ones, nor let it probe.
                env.remove("AWS_SESSION_TOKEN");
                env.remove("AWS_PROFILE");
                env.put("AWS_ACCESS_KEY_ID", "hermeslocal");
                env.put("AWS_SECRET_ACCESS_KEY", "hermeslocal");
                env.put("AWS_EC2_METADATA_DISABLED", "true");
            }
            File log = workspace.resolve("worker.log").toFile();
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process process = pb.start();
            if (cds.trainingFile() != null) {
                process.onExit().thenRun(() -> classData.trained(cds.trainingFile()));
            }
            children.put(process.pid(), process);
            if (children.size() > MAX_REMEMBERED) {
                children.values().removeIf(p -> !p.isAlive());
            }
            String handle = "pid:" + process.pid() + "@" + startMillis(process.toHandle()).orElse(0L);
            byToken.put(startToken, handle);
            LOG.info("started worker {} for {} (log {}, class data {})", handle, key, log,
                    cds.trainingFile() != null ? "training" : cds.options().isEmpty() ? "none" : "shared");
            return handle;
        } catch (IOException e) {
            throw new LaunchFailedException(key, e.getMessage(), e);
        }
    }

    @Override
    public WorkerState describe(String handle) {
        Pid pid = Pid.parse(handle);
        if (pid == null) {
            return WorkerState.unknown("not a process handle: " + handle);
        }
        Process child = children.get(pid.pid());
        if (child != null) {
            // Our own child: its Process knows for sure (a pid alone cannot tell a zombie from a worker).
            return child.isAlive() ? WorkerState.running() : WorkerState.stopped("exited", child.exitValue());
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.pid()).filter(ProcessHandle::isAlive)
                .filter(p -> pid.startMillis() == 0 || startMillis(p).map(s -> s == pid.startMillis()).orElse(true));
        return process.isPresent() ? WorkerState.running() : WorkerState.stopped("process gone", null);
    }

    @Override
    public void stop(String handle, String reason) {
        Pid pid = Pid.parse(handle);
        if (pid != null && describe(handle).isAlive()) {
            LOG.info("stopping worker {}: {}", handle, reason);
            ProcessHandle.of(pid.pid()).ifPresent(ProcessHandle::destroy);
        }
    }

    private static Optional<Long> startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli);
    }

    /** {@code pid:{pid}@{start millis}}; the start is 0 when the system did not tell it. */
    private record Pid(long pid, long startMillis) {
        static Pid parse(String handle) {
            if (handle == null || !handle.startsWith("pid:")) {
                return null;
            }
            String[] parts = handle.substring(4).split("@", 2);
            try {
                return new Pid(Long.parseLong(parts[0]), parts.length > 1 ? Long.parseLong(parts[1]) : 0);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** Local workers live and die with the orchestrator that started them. */
    @PreDestroy
    void stopChildren() {
        List<Process> live = children.values().stream().filter(Process::isAlive).toList();
        live.forEach(Process::destroy);
        for (Process p : live) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        children.clear();
    }
}
