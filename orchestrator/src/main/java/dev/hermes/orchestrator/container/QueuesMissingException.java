package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.ContainerKey;

/** The container row has no queue URLs (never created, or cleaned up): create them again, then retry. */
public class QueuesMissingException extends RuntimeException {
    public QueuesMissingException(ContainerKey key) {
        super("the queues of " + key + " do not exist (cleaned up or never created)");
    }
}
