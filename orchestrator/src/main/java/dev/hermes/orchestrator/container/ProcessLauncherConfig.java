package dev.hermes.orchestrator.container;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code hermes.launcher.process}: how {@link ProcessContainerLauncher} starts a worker. The worker
 * gets the same endpoints, region and prefixes as the orchestrator, and these timings: how long a
 * received command stays hidden (extended while it runs), the pause before a failed attempt is retried,
 * the grace between SIGINT and SIGKILL when an agent is stopped.
 */
@ConfigurationProperties("hermes.launcher.process")
public record ProcessLauncherConfig(@Bindable(defaultValue = "java") String javaCommand,
                                   @Nullable String workerJar,
                                   @Nullable String workspaceRoot,
                                   @Bindable(defaultValue = "300") int idleTimeoutSeconds,
                                   @Bindable(defaultValue = "20") int leaseSeconds,
                                   @Bindable(defaultValue = "60") int visibilityTimeoutSeconds,
                                   @Bindable(defaultValue = "10") int retryBackoffSeconds,
                                   @Bindable(defaultValue = "5000") int stopGraceMillis) {
}
