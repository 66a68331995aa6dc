package dev.hermes.worker.interrupt;

import dev.hermes.worker.poll.ReceivedMessage;
import java.time.Duration;
import java.util.List;

/** The container's {@code -ctl} queue: interrupts from the orchestrator. */
public interface ControlQueue {
    String name();

    /** Waits up to {@code wait} for up to ten messages. */
    List<ReceivedMessage> receive(Duration wait);

    void delete(ReceivedMessage message);

    /** Makes {@code message} visible again at once, for the worker that holds the lease. */
    void returnToQueue(ReceivedMessage message);
}
