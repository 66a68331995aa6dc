package dev.hermes.protocol.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.InterruptKind;
import java.time.Instant;

/**
 * Orchestrator to worker, on {@code -ctl}: stop {@code target} because {@code by} arrived.
 * A worker that is not running {@code target} ignores it. {@code acceptedAt} (optional, added
 * later) is when the orchestrator accepted {@code by}, on the orchestrator's clock like
 * {@code sentAt}, so their difference is a one-clock duration the worker adds to its own.
 */
public record InterruptMessage(
        int schemaVersion,
        ContainerKey containerKey,
        CommandId target,
        CommandId by,
        InterruptKind kind,
        Instant sentAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant acceptedAt) implements QueueMessage {

    public InterruptMessage {
        QueueMessage.checkSchemaVersion(schemaVersion);
        QueueMessage.require(containerKey, "containerKey");
        QueueMessage.require(target, "target");
        QueueMessage.require(by, "by");
        QueueMessage.require(kind, "kind");
        QueueMessage.require(sentAt, "sentAt");
    }

    public static InterruptMessage of(ContainerKey containerKey, CommandId target, CommandId by, InterruptKind kind,
                                      Instant sentAt) {
        return of(containerKey, target, by, kind, sentAt, null);
    }

    public static InterruptMessage of(ContainerKey containerKey, CommandId target, CommandId by, InterruptKind kind,
                                      Instant sentAt, Instant acceptedAt) {
        return new InterruptMessage(SCHEMA_VERSION, containerKey, target, by, kind, sentAt, acceptedAt);
    }

    /** Milliseconds from accepting {@code by} to sending this interrupt (one clock), 0 when unknown. */
    public long pendingMillis() {
        return acceptedAt == null ? 0 : Math.max(0, sentAt.toEpochMilli() - acceptedAt.toEpochMilli());
    }
}
