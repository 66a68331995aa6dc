package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.ContainerStatus;

/**
 * One row of {@code containers}. {@code queues} is null until they were created; {@code runningCommand}
 * and {@code runningThread} are what the lease holder is running now (null when nothing runs).
 */
public record ContainerRecord(ContainerKey key, ContainerStatus status, ContainerQueues queues, String leaseOwner,
                              long leaseVersion, long leaseExpiresAt, String launcherHandle, String runningCommand,
                              long lastActivityAt, String runningThread) {
}
