package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.ContainerKey;

/** A worker could not be started. The command stays queued; the reaper (or the next message) retries. */
public class LaunchFailedException extends RuntimeException {
    public LaunchFailedException(ContainerKey key, String reason, Throwable cause) {
        super("cannot start a worker for " + key + ": " + reason, cause);
    }
}
