package dev.hermes.orchestrator.container;

import dev.hermes.orchestrator.config.QueuesConfig;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.secret.WorkerSecretsEnvironment;
import dev.hermes.protocol.id.ContainerKey;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a worker as a local child process ({@code java -jar hermes-worker.jar}) with its own
 * workspace under {@code workspace-root/{containerId}}. Arguments are a list: no shell.
 */
@Singleton
@Requires(property = "hermes.launcher.kind", value = "process", defaultValue = "process")
public class ProcessContainerLauncher implements ContainerLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessContainerLauncher.class);
    private final ProcessLauncherConfig config;
    private final TablesConfig tables;
    private final String region;
    private final String sqsEndpoint;
    private final String dynamoEndpoint;
    private final WorkerSecretsEnvironment secrets;
    private final Set<Process> children = ConcurrentHashMap.newKeySet();

    public ProcessContainerLauncher(ProcessLauncherConfig config, TablesConfig tables, QueuesConfig queues,
                                    @Value("${aws.region:us-east-1}") String region,
                                    @Value("${aws.services.sqs.endpoint-override:}") String sqsEndpoint,
                                    @Value("${aws.services.dynamodb.endpoint-override:}") String dynamoEndpoint,
                                    WorkerSecretsEnvironment secrets) {
        this.config = config;
        this.secrets = secrets;
        this.tables = tables;
        this.region = region;
        this.sqsEndpoint = sqsEndpoint;
        this.dynamoEndpoint = dynamoEndpoint;
    }

    @Override
    public String launch(ContainerKey key) {
        if (config.workerJar() == null || config.workspaceRoot() == null) {
            throw new LaunchFailedException(key, "hermes.launcher.process.worker-jar and workspace-root must be set", null);
        }
        Path workspace = Path.of(config.workspaceRoot()).resolve(key.containerId());
        try {
            Files.createDirectories(workspace);
            ProcessBuilder pb = new ProcessBuilder(List.of(config.javaCommand(), "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-jar", new File(config.workerJar()).getAbsolutePath()));
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(name -> name.startsWith("HERMES_"));
            env.put("HERMES_CONTAINER_KEY", key.value());
            env.put("HERMES_AWS_REGION", region);
            env.put("HERMES_TABLE_PREFIX", tables.prefix());
            env.put("HERMES_WORKSPACE", workspace.toString());
            env.put("HERMES_IDLE_TIMEOUT_SECONDS", Integer.toString(config.idleTimeoutSeconds()));
            env.put("HERMES_LEASE_SECONDS", Integer.toString(config.leaseSeconds()));
            env.put("HERMES_VISIBILITY_TIMEOUT_SECONDS", Integer.toString(config.visibilityTimeoutSeconds()));
            env.put("HERMES_RETRY_BACKOFF_SECONDS", Integer.toString(config.retryBackoffSeconds()));
            env.put("HERMES_STOP_GRACE_MILLIS", Integer.toString(config.stopGraceMillis()));
            env.putAll(secrets.variables());
            if (!sqsEndpoint.isBlank()) {
                env.put("HERMES_SQS_ENDPOINT", sqsEndpoint);
            }
            if (!dynamoEndpoint.isBlank()) {
                env.put("HERMES_DYNAMODB_ENDPOINT", dynamoEndpoint);
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
            children.add(process);
            children.removeIf(p -> !p.isAlive());
            LOG.info("started worker pid {} for {} (log {})", process.pid(), key, log);
            return "pid:" + process.pid();
        } catch (IOException e) {
            throw new LaunchFailedException(key, e.getMessage(), e);
        }
    }

    /** Local workers live and die with the orchestrator that started them. */
    @PreDestroy
    void stopChildren() {
        children.forEach(Process::destroy);
        for (Process p : children) {
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
