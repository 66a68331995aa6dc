package dev.hermes.protocol.message;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.InterruptKind;
import java.time.Instant;

/**
 * Orchestrator to worker, on {@code -ctl}: stop {@code target} because {@code by} arrived.
 * A worker that is not running {@code target} ignores it.
 */
public record InterruptMessage(
        int schemaVersion,
        ContainerKey containerKey,
        CommandId target,
        CommandId by,
        InterruptKind kind,
        Instant sentAt) implements QueueMessage {

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
        return new InterruptMessage(SCHEMA_VERSION, containerKey, target, by, kind, sentAt);
    }
}
