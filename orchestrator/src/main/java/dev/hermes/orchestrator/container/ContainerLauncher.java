package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.ContainerKey;

/** Starts a worker for a container (a local process, or an ECS task on AWS). */
public interface ContainerLauncher {
    /** Starts one worker; answers a handle (pid, task ARN) to find it again. */
    String launch(ContainerKey key);
}
