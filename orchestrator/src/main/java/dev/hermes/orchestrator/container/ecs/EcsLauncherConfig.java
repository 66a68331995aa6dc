package dev.hermes.orchestrator.container.ecs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code hermes.launcher.ecs}: where and how {@link EcsContainerLauncher} runs a worker task on
 * Fargate. {@code capacityProviderStrategy} items are {@code provider[:weight[:base]]}, e.g.
 * {@code FARGATE_SPOT:4} and {@code FARGATE:1:1}; {@code workspace} is the worker's workspace inside
 * the task (ephemeral storage).
 */
@ConfigurationProperties("hermes.launcher.ecs")
public record EcsLauncherConfig(String cluster,
                                String taskDefinition,
                                @Bindable(defaultValue = "worker") String containerName,
                                List<String> subnets,
                                @Nullable List<String> securityGroups,
                                @Bindable(defaultValue = "false") boolean assignPublicIp,
                                @Nullable List<String> capacityProviderStrategy,
                                @Nullable String platformVersion,
                                @Bindable(defaultValue = "/workspace") String workspace,
                                @Bindable(defaultValue = "300") int idleTimeoutSeconds,
                                @Bindable(defaultValue = "20") int leaseSeconds) {
    private static final Pattern STRATEGY = Pattern.compile("[A-Za-z0-9_-]{1,255}(:\\d{1,4}(:\\d{1,6})?)?");

    public EcsLauncherConfig {
        require(cluster, "cluster");
        require(taskDefinition, "task-definition");
        if (subnets == null || subnets.isEmpty()) {
            throw new IllegalArgumentException("hermes.launcher.ecs.subnets: at least one subnet (Fargate uses awsvpc)");
        }
        subnets = List.copyOf(subnets);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        capacityProviderStrategy = capacityProviderStrategy == null || capacityProviderStrategy.isEmpty()
                ? List.of("FARGATE:1") : List.copyOf(capacityProviderStrategy);
        for (String item : capacityProviderStrategy) {
            if (!STRATEGY.matcher(item).matches()) {
                throw new IllegalArgumentException("hermes.launcher.ecs.capacity-provider-strategy: '" + item
                        + "' is not provider[:weight[:base]]");
            }
        }
        if (idleTimeoutSeconds < 1 || leaseSeconds < 1) {
            throw new IllegalArgumentException("hermes.launcher.ecs: idle-timeout-seconds and lease-seconds >= 1");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("hermes.launcher.ecs." + name + " is required with hermes.launcher.kind=ecs");
        }
    }
}
