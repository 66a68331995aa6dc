package dev.hermes.worker.lease;

import java.time.Duration;

/** Where the lease of one container lives. Every method is a single conditional write. */
public interface LeaseStore {

    /**
     * Takes the lease when it is absent, expired or already ours, bumps its version and marks the
     * container RUNNING.
     *
     * @throws LeaseNotGrantedException when another worker holds a live lease
     */
    Lease acquire(String owner, Duration duration);

    /** {@link #acquire}, with what the lease was before (takeover, the container's start). */
    default LeaseGrant acquireGrant(String owner, Duration duration) {
        return new LeaseGrant(acquire(owner, duration), false, null);
    }

    /**
     * Pushes the expiry forward, only while the lease has not expired (by this worker's clock).
     *
     * @throws LeaseLostException when the lease is no longer {@code lease} (owner or version changed) or expired
     */
    void renew(Lease lease, Duration duration);

    /**
     * Gives the lease up and marks the container COLD.
     *
     * @throws LeaseLostException when the lease is no longer {@code lease}
     */
    void release(Lease lease);

    /**
     * A read, never a write: true while nobody has taken {@code lease} over (owner and version unchanged,
     * even if it expired). A worker that lost its lease pushes its work in progress only then.
     */
    boolean isUnclaimed(Lease lease);
}
