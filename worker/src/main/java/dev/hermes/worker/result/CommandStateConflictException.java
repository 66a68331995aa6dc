package dev.hermes.worker.result;

import dev.hermes.protocol.id.CommandId;

/**
 * A command's item was not in the state a conditional write expected (another worker or the
 * orchestrator moved it). Not retried: read the item again and act on what it says.
 */
public class CommandStateConflictException extends RuntimeException {
    private final CommandId commandId;

    public CommandStateConflictException(CommandId commandId, String expected) {
        super("command " + commandId + " is not " + expected);
        this.commandId = commandId;
    }

    public CommandId commandId() {
        return commandId;
    }
}
