package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.ContainerStatus;

/**
 * One row of {@code containers}. {@code queues} is null until they were created (and again after
 * cleanup). Times are epoch milliseconds, 0 when unset. {@code waitingSince} is set while the
 * container has work but no start yet (a failed launch, or the running cap); {@code startAttempts}
 * counts starts since a worker last took the lease ({@code startLeaseVersion} is the lease version
 * the latest start saw). {@code runningCommand} and {@code runningThread} are what the lease holder
 * is running now (null when nothing runs).
 */
public record ContainerRecord(ContainerKey key, ContainerStatus status, ContainerQueues queues, String leaseOwner,
                              long leaseVersion, long leaseExpiresAt, String launcherHandle, String runningCommand,
                              long lastActivityAt, long startingAt, long waitingSince, int startAttempts,
                              long startLeaseVersion, String runningThread) {

    public boolean hasLiveLease(long now) {
        return leaseOwner != null && leaseExpiresAt > now;
    }

    /** The attempt number the next start will be: 1 once a worker took the lease since the last start. */
    public int nextStartAttempt() {
        return leaseVersion > startLeaseVersion ? 1 : startAttempts + 1;
    }
}
