package dev.hermes.worker;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.worker.agent.StopReason;

/**
 * A command was stopped from outside before its result was written. Its message stays on the queue;
 * whoever holds the lease next runs it again.
 */
public class CommandStoppedException extends RuntimeException {
    private final StopReason reason;

    public CommandStoppedException(CommandId commandId, StopReason reason) {
        super("command " + commandId + " stopped: " + reason);
        this.reason = reason;
    }

    public StopReason reason() {
        return reason;
    }
}
