package dev.hermes.orchestrator.container.ecs;

import dev.hermes.orchestrator.container.ContainerLauncher;
import dev.hermes.orchestrator.container.LaunchFailedException;
import dev.hermes.orchestrator.container.WorkerEnvironment;
import dev.hermes.orchestrator.container.WorkerState;
import dev.hermes.protocol.id.ContainerKey;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Runs a worker as an ECS task on Fargate: {@code RunTask} with the container key and endpoints as
 * container overrides, tagged {@code ManagedBy=hermes}, {@code ContainerKey} (the container id: ECS
 * tag values may not hold {@code #}), {@code Project}, {@code User}; the start token is the
 * {@code clientToken}, so a retried call cannot start a second task. {@code DescribeTasks} tells
 * whether it still runs, {@code StopTask} stops it. The handle is the task ARN.
 */
@Singleton
@Requires(property = "hermes.launcher.kind", value = "ecs")
public class EcsContainerLauncher implements ContainerLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(EcsContainerLauncher.class);
    static final String STARTED_BY = "hermes";
    private final EcsClient ecs;
    private final EcsLauncherConfig config;
    private final WorkerEnvironment workerEnv;

    public EcsContainerLauncher(EcsClient ecs, EcsLauncherConfig config, WorkerEnvironment workerEnv) {
        this.ecs = ecs;
        this.config = config;
        this.workerEnv = workerEnv;
    }

    @Override
    public String kind() {
        return "ecs";
    }

    @Override
    public String launch(ContainerKey key, String startToken) {
        RunTaskResponse response;
        try {
            response = ecs.runTask(request(key, startToken));
        } catch (SdkException e) {
            throw new LaunchFailedException(key, "RunTask failed: " + e.getMessage(), e);
        }
        if (!response.hasTasks() || response.tasks().isEmpty()) {
            String why = response.hasFailures() && !response.failures().isEmpty()
                    ? response.failures().get(0).reason() + " " + response.failures().get(0).detail() : "no task";
            throw new LaunchFailedException(key, "RunTask started nothing: " + why, null);
        }
        String arn = response.tasks().get(0).taskArn();
        LOG.info("started task {} for {} on {}", arn, key, config.cluster());
        return arn;
    }

    RunTaskRequest request(ContainerKey key, String startToken) {
        Map<String, String> env = workerEnv.of(key, config.idleTimeoutSeconds(), config.leaseSeconds());
        env.put("HERMES_WORKSPACE", config.workspace());
        List<KeyValuePair> environment = env.entrySet().stream()
                .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build()).toList();
        return RunTaskRequest.builder()
                .cluster(config.cluster())
                .taskDefinition(config.taskDefinition())
                .count(1)
                .clientToken(startToken)
                .startedBy(STARTED_BY)
                .capacityProviderStrategy(strategy())
                .platformVersion(config.platformVersion())
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(config.subnets())
                        .securityGroups(config.securityGroups())
                        .assignPublicIp(config.assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)))
                .overrides(o -> o.containerOverrides(c -> c.name(config.containerName()).environment(environment)))
                .tags(tag("ManagedBy", "hermes"), tag("ContainerKey", key.containerId()),
                        tag("Project", key.project().value()), tag("User", key.user().value()))
                .enableECSManagedTags(true)
                .build();
    }

    @Override
    public WorkerState describe(String handle) {
        DescribeTasksResponse response;
        try {
            response = ecs.describeTasks(b -> b.cluster(config.cluster()).tasks(handle));
        } catch (SdkException e) {
            return WorkerState.unknown("DescribeTasks failed: " + e.getMessage());
        }
        if (!response.hasTasks() || response.tasks().isEmpty()) {
            String reason = response.hasFailures() && !response.failures().isEmpty()
                    ? response.failures().get(0).reason() : "no such task";
            return WorkerState.stopped("task " + reason, null);
        }
        return state(response.tasks().get(0));
    }

    private WorkerState state(Task task) {
        String status = task.lastStatus() == null ? "" : task.lastStatus();
        return switch (status) {
            case "PROVISIONING", "PENDING", "ACTIVATING" -> new WorkerState(WorkerState.Phase.PENDING, status, null);
            case "STOPPED", "DELETED" -> WorkerState.stopped(task.stoppedReason(), exitCode(task));
            // RUNNING, and DEACTIVATING/STOPPING/DEPROVISIONING: the worker may still hold its lease.
            default -> new WorkerState(WorkerState.Phase.RUNNING, status, null);
        };
    }

    private Integer exitCode(Task task) {
        if (!task.hasContainers()) {
            return null;
        }
        return task.containers().stream().filter(c -> config.containerName().equals(c.name()))
                .map(Container::exitCode).findFirst().orElse(null);
    }

    @Override
    public void stop(String handle, String reason) {
        try {
            ecs.stopTask(b -> b.cluster(config.cluster()).task(handle).reason("hermes: " + reason));
            LOG.info("stopped task {}: {}", handle, reason);
        } catch (SdkException e) {
            LOG.warn("StopTask {} failed: {}", handle, e.getMessage());
        }
    }

    private List<CapacityProviderStrategyItem> strategy() {
        return config.capacityProviderStrategy().stream().map(item -> {
            String[] parts = item.split(":");
            CapacityProviderStrategyItem.Builder b = CapacityProviderStrategyItem.builder().capacityProvider(parts[0])
                    .weight(parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
            if (parts.length > 2) {
                b.base(Integer.parseInt(parts[2]));
            }
            return b.build();
        }).toList();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
