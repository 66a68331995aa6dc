package dev.hermes.worker.lease;

import dev.hermes.protocol.id.ContainerKey;

/**
 * The lease this worker held is gone (taken over, released, or not renewed in time). Never retried:
 * the worker stops its agent and exits without any further fenced write.
 */
public class LeaseLostException extends RuntimeException {
    private final ContainerKey containerKey;

    public LeaseLostException(ContainerKey containerKey, String reason) {
        super("lease of " + containerKey + " lost: " + reason);
        this.containerKey = containerKey;
    }

    public ContainerKey containerKey() {
        return containerKey;
    }
}
