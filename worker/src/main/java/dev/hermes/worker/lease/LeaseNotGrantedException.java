package dev.hermes.worker.lease;

import dev.hermes.protocol.id.ContainerKey;

/** Another worker holds a live lease on the container. Retrying helps only once that lease expires. */
public class LeaseNotGrantedException extends RuntimeException {
    private final ContainerKey containerKey;

    public LeaseNotGrantedException(ContainerKey containerKey, String detail) {
        super("lease of " + containerKey + " not granted: " + detail);
        this.containerKey = containerKey;
    }

    public ContainerKey containerKey() {
        return containerKey;
    }
}
