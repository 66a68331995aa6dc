package dev.hermes.orchestrator.command;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.ResultMessage;
import java.util.List;
import java.util.Optional;

/** The {@code commands} table: every command, and the intake's dedupe record. */
public interface CommandStore {
    Optional<CommandRecord> find(CommandId commandId);

    List<CommandRecord> findByThread(ThreadId threadId);

    /**
     * The thread's newest commands, newest first, at most {@code limit}: one bounded query of the
     * {@code by-thread} index (the ops page).
     */
    List<CommandRecord> recentByThread(ThreadId threadId, int limit);

    /** Records a RECEIVED command unless its id exists; answers whether this call created it. */
    boolean create(CommandRecord command);

    /** RECEIVED -> QUEUED with its sequence; a no-op when a worker already moved it on. */
    void markQueued(CommandId commandId, long sequence);

    /**
     * {@link #markQueued(CommandId, long)} for many commands in few requests, each on its own
     * condition. Answers those whose write did not happen for another reason (worth a retry).
     */
    List<Queued> markQueued(List<Queued> queued);

    /** The sequence number a command was queued with. */
    record Queued(CommandId commandId, long sequence) {
    }

    /** Applies a worker's result once; answers whether it was the first time, again, or refused. */
    Applied applyResult(ResultMessage result);

    /** What {@link #applyResult} did. */
    enum Applied {
        /** The result is recorded, for the first time. */
        FIRST,
        /** The same result was applied before (a redelivery, or a republished result): nothing new. */
        AGAIN,
        /** The command already ended otherwise. */
        CONFLICT
    }

    void recordReply(CommandId commandId, String replyId);
}
