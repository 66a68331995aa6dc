package dev.hermes.worker.poll;

import dev.hermes.protocol.id.ContainerKey;

/** The container's item is missing or has no queue URLs: the orchestrator did not set it up. Not retried. */
public class ContainerNotFoundException extends RuntimeException {
    public ContainerNotFoundException(ContainerKey containerKey, String detail) {
        super("container " + containerKey + ": " + detail);
    }
}
