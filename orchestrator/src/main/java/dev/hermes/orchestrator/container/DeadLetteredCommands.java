package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.message.CommandMessage;
import java.util.List;

/** Commands whose row says DEAD_LETTERED, and their move back to QUEUED (an operator's redrive). */
public interface DeadLetteredCommands {
    /** A dead-lettered command rebuilt as the message that goes back on {@code -in.fifo}. */
    record DeadLetter(CommandMessage message, long redrives) {
    }

    List<DeadLetter> of(ContainerKey key);

    /**
     * DEAD_LETTERED -> QUEUED with its new sequence, counting the redrive; only if it was redriven
     * {@code seenRedrives} times so far. Answers false when another redrive (or nothing) applies.
     */
    boolean requeue(CommandId commandId, long sequence, long seenRedrives);

    /** DEAD_LETTERED -> QUEUED for a command moved straight from the DLQ; a no-op in any other status. */
    boolean requeueIfDeadLettered(CommandId commandId);
}
