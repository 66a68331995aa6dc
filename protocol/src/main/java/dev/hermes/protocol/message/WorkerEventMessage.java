package dev.hermes.protocol.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.InterruptOutcome;
import java.time.Instant;

/**
 * Worker to orchestrator, on {@code -out}: a fact only the worker knows, which the orchestrator
 * turns into metrics (the worker exports nothing itself). Informational: lost or repeated ones
 * change no state. Durations are measured on one clock each (see {@code docs/decisions.md}):
 * <ul>
 * <li>{@link WorkerEvent#LEASE_ACQUIRED}: {@code takeover} when the lease was another worker's and
 * had expired; {@code startingAt} is the container row's start time as the orchestrator wrote it
 * (its clock), present when the container was STARTING, so the orchestrator measures the cold start
 * on its own clock.</li>
 * <li>{@link WorkerEvent#FENCING_REJECTED}: {@code commandId} when the refused write was a command's.</li>
 * <li>{@link WorkerEvent#INTERRUPT}: {@code commandId} is the interrupt's target; {@code latencyMillis}
 * runs from the orchestrator accepting the newer message to the target stopped with its work pushed
 * and its outcome written (absent when {@code outcome} is IGNORED, or unknown).</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerEventMessage(
        int schemaVersion,
        ContainerKey containerKey,
        WorkerEvent event,
        CommandId commandId,
        InterruptOutcome outcome,
        Long latencyMillis,
        Boolean takeover,
        Instant startingAt,
        Instant at) implements QueueMessage {

    public WorkerEventMessage {
        QueueMessage.checkSchemaVersion(schemaVersion);
        QueueMessage.require(containerKey, "containerKey");
        QueueMessage.require(event, "event");
        QueueMessage.require(at, "at");
        if (event == WorkerEvent.INTERRUPT) {
            QueueMessage.require(commandId, "commandId");
            QueueMessage.require(outcome, "outcome");
        }
        if (event == WorkerEvent.LEASE_ACQUIRED) {
            QueueMessage.require(takeover, "takeover");
        }
        if (latencyMillis != null && latencyMillis < 0) {
            throw new MalformedMessageException("latencyMillis must not be negative");
        }
    }

    public static WorkerEventMessage leaseAcquired(ContainerKey containerKey, boolean takeover, Instant startingAt,
                                                   Instant at) {
        return new WorkerEventMessage(SCHEMA_VERSION, containerKey, WorkerEvent.LEASE_ACQUIRED, null, null, null,
                takeover, startingAt, at);
    }

    public static WorkerEventMessage fencingRejected(ContainerKey containerKey, CommandId commandId, Instant at) {
        return new WorkerEventMessage(SCHEMA_VERSION, containerKey, WorkerEvent.FENCING_REJECTED, commandId, null,
                null, null, null, at);
    }

    public static WorkerEventMessage interrupt(ContainerKey containerKey, CommandId target, InterruptOutcome outcome,
                                               Long latencyMillis, Instant at) {
        return new WorkerEventMessage(SCHEMA_VERSION, containerKey, WorkerEvent.INTERRUPT, target, outcome,
                latencyMillis, null, null, at);
    }
}
