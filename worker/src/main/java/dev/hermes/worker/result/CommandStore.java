package dev.hermes.worker.result;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.worker.lease.Lease;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code commands} items, and the container's running-command marker that changes with them.
 * Both status writes are fenced by the lease: they fail with
 * {@link dev.hermes.worker.lease.LeaseLostException} when {@code lease} is no longer held.
 */
public interface CommandStore {

    Optional<CommandRecord> find(CommandId commandId);

    /**
     * Marks the command RUNNING under {@code lease} and records it (and its thread) as the container's
     * running command, which is what the orchestrator reads to send interrupts.
     *
     * @throws CommandStateConflictException when the command's status cannot move to RUNNING
     */
    void markRunning(CommandId commandId, ThreadId threadId, Lease lease, Instant now);

    /**
     * Writes how the command ended and clears the container's running command.
     *
     * @throws CommandStateConflictException when the command is no longer RUNNING under {@code lease}
     */
    void finish(CommandId commandId, Lease lease, CommandOutcome outcome);

    /**
     * Puts a RUNNING command back to QUEUED for another attempt (RUNNING -> QUEUED), with why the last
     * attempt did not finish ({@code lastError}, a retryable failure) or which command preempted it
     * ({@code interruptedBy}); clears the container's running command.
     *
     * @throws CommandStateConflictException when the command is no longer RUNNING under {@code lease}
     */
    void requeue(CommandId commandId, Lease lease, Instant now, String lastError, CommandId interruptedBy);
}
