package dev.hermes.worker.result;

import dev.hermes.protocol.message.QueueMessage;

/** The container's {@code -out} queue: progress and results for the orchestrator. */
public interface OutQueue {
    void publish(QueueMessage message);
}
