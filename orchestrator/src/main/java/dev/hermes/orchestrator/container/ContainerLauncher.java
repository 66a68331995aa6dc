package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.ContainerKey;

/**
 * Starts, finds and stops the worker of a container: a local process ({@link ProcessContainerLauncher})
 * or an ECS task ({@code EcsContainerLauncher}). Handles are opaque strings stored on the container row.
 */
public interface ContainerLauncher {
    /**
     * Starts one worker. A repeated call with the same {@code startToken} (one per STARTING transition)
     * answers the worker the first call started instead of starting another.
     *
     * @return a handle (pid, task ARN) to find the worker again
     * @throws LaunchFailedException when no worker could be started
     */
    String launch(ContainerKey key, String startToken);

    /** What the launcher knows of the worker behind {@code handle}; UNKNOWN when it cannot tell. */
    WorkerState describe(String handle);

    /** Asks the worker to stop (it releases its lease on the way out). Idempotent. */
    void stop(String handle, String reason);

    /** {@code process} or {@code ecs}: for metrics and logs. */
    String kind();
}
