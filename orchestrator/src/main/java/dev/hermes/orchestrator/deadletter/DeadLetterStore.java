package dev.hermes.orchestrator.deadletter;

import dev.hermes.protocol.id.CommandId;

/** The dead-letter mark on a command's row: the durable record a later redrive starts from. */
public interface DeadLetterStore {

    /** How marking went, and what the row says. */
    enum Outcome {
        /** This call moved the command to DEAD_LETTERED. */
        MARKED,
        /** It was DEAD_LETTERED already (the DLQ message came back after a crash). */
        ALREADY,
        /** It had ended (SUCCEEDED, FAILED …): the DLQ message is stale. */
        ENDED,
        /** There is no such command. */
        MISSING
    }

    record Mark(Outcome outcome, long attempts, String lastError) {
    }

    /** RECEIVED, QUEUED or RUNNING -> DEAD_LETTERED, conditionally; idempotent. */
    Mark markDeadLettered(CommandId commandId, long now);
}
