package dev.hermes.tests.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/** One task of the stand-in: a worker process and what ECS reports about it. */
public final class EcsTask {
    private final String arn;
    private final String clusterArn;
    private final String definitionArn;
    private final String containerName;
    private final String startedBy;
    private final String capacityProvider;
    private final Map<String, String> tags;
    private final Map<String, String> environment;
    private final JsonNode overrides;
    private final Instant createdAt = Instant.now();
    private final Process process;
    private volatile String stoppedReason;
    private volatile String stopCode;
    private volatile Instant stoppedAt;

    EcsTask(String arn, String clusterArn, String definitionArn, String containerName, String startedBy,
            String capacityProvider, Map<String, String> tags, Map<String, String> environment, JsonNode overrides,
            Process process) {
        this.arn = arn;
        this.clusterArn = clusterArn;
        this.definitionArn = definitionArn;
        this.containerName = containerName;
        this.startedBy = startedBy;
        this.capacityProvider = capacityProvider;
        this.tags = Map.copyOf(tags);
        this.environment = Map.copyOf(environment);
        this.overrides = overrides;
        this.process = process;
    }

    public String arn() {
        return arn;
    }

    public Process process() {
        return process;
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** The environment the container override asked for. */
    public Map<String, String> environment() {
        return environment;
    }

    String clusterArn() {
        return clusterArn;
    }

    String startedBy() {
        return startedBy;
    }

    boolean stopped() {
        return !process.isAlive();
    }

    String desiredStatus() {
        return stopCode != null || stopped() ? "STOPPED" : "RUNNING";
    }

    void stop(String reason) {
        if (stopCode == null && process.isAlive()) {
            stopCode = "UserInitiated";
            stoppedReason = reason == null || reason.isBlank() ? "Task stopped by user" : reason;
            // ECS sends SIGTERM and, after the stop timeout, SIGKILL.
            process.destroy();
            process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(t -> process.destroyForcibly());
        }
    }

    ObjectNode json(boolean withTags) {
        boolean stopped = stopped();
        if (stopped && stoppedAt == null) {
            stoppedAt = Instant.now();
        }
        ObjectNode task = EcsStandIn.object()
                .put("taskArn", arn)
                .put("clusterArn", clusterArn)
                .put("taskDefinitionArn", definitionArn)
                .put("lastStatus", stopped ? "STOPPED" : "RUNNING")
                .put("desiredStatus", desiredStatus())
                .put("launchType", "FARGATE")
                .put("capacityProviderName", capacityProvider)
                .put("platformVersion", "1.4.0")
                .put("startedBy", startedBy)
                .put("group", "family:" + definitionArn.substring(definitionArn.lastIndexOf('/') + 1, definitionArn.lastIndexOf(':')))
                .put("cpu", "512").put("memory", "1024")
                .put("createdAt", seconds(createdAt))
                .put("startedAt", seconds(createdAt));
        task.set("overrides", overrides);
        ObjectNode container = EcsStandIn.object()
                .put("containerArn", arn.replace(":task/", ":container/") + "/" + containerName)
                .put("taskArn", arn)
                .put("name", containerName)
                .put("lastStatus", stopped ? "STOPPED" : "RUNNING");
        if (stopped) {
            container.put("exitCode", process.exitValue());
            task.put("stoppedAt", seconds(stoppedAt)).put("stoppingAt", seconds(stoppedAt))
                    .put("stopCode", stopCode == null ? "EssentialContainerExited" : stopCode)
                    .put("stoppedReason", stoppedReason == null ? "Essential container in task exited" : stoppedReason);
        }
        task.set("containers", EcsStandIn.array().add(container));
        if (withTags) {
            ArrayNode list = EcsStandIn.array();
            tags.forEach((k, v) -> list.add(EcsStandIn.object().put("key", k).put("value", v)));
            task.set("tags", list);
        }
        return task;
    }

    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }
}
