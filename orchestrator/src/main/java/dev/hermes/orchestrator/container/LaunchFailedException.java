package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.ContainerKey;

/** A worker could not be started. The next message for the container retries. */
public class LaunchFailedException extends RuntimeException {
    public LaunchFailedException(ContainerKey key, String reason, Throwable cause) {
        super("cannot start a worker for " + key + ": " + reason, cause);
    }
}
