package dev.hermes.worker.lease;

import dev.hermes.protocol.id.ContainerKey;

/**
 * The lease this worker held is gone (taken over, released, or not renewed in time). Never retried:
 * the worker stops its agent and exits without any further fenced write.
 */
public class LeaseLostException extends RuntimeException {
    private final ContainerKey containerKey;
    private final boolean refused;

    public LeaseLostException(ContainerKey containerKey, String reason) {
        this(containerKey, reason, false);
    }

    private LeaseLostException(ContainerKey containerKey, String reason, boolean refused) {
        super("lease of " + containerKey + " lost: " + reason);
        this.containerKey = containerKey;
        this.refused = refused;
    }

    /** DynamoDB refused a fenced write: its lease condition (owner, version, expiry) failed. */
    public static LeaseLostException refused(ContainerKey containerKey, String reason) {
        return new LeaseLostException(containerKey, reason, true);
    }

    /** True when a fenced write was refused; false when the lease went stale before anything was refused. */
    public boolean refused() {
        return refused;
    }

    public ContainerKey containerKey() {
        return containerKey;
    }
}
