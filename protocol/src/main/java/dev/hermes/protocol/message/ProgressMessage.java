package dev.hermes.protocol.message;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import java.time.Instant;

/** Worker to orchestrator, on {@code -out}: a command reached {@code stage} (for example "started"). */
public record ProgressMessage(
        int schemaVersion,
        CommandId commandId,
        ThreadId threadId,
        ContainerKey containerKey,
        String stage,
        Instant at) implements QueueMessage {

    public ProgressMessage {
        QueueMessage.checkSchemaVersion(schemaVersion);
        QueueMessage.require(commandId, "commandId");
        QueueMessage.require(threadId, "threadId");
        QueueMessage.require(containerKey, "containerKey");
        QueueMessage.require(stage, "stage");
        QueueMessage.require(at, "at");
    }

    public static ProgressMessage of(CommandId commandId, ThreadId threadId, ContainerKey containerKey, String stage,
                                     Instant at) {
        return new ProgressMessage(SCHEMA_VERSION, commandId, threadId, containerKey, stage, at);
    }
}
