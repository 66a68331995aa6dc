package dev.hermes.protocol.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import java.time.Instant;

/**
 * Worker to orchestrator, on {@code -out}: a command reached {@code stage} (for example "started").
 * {@code queueWaitMillis} (optional, on "started") is how long the command waited from its message
 * being sent to its RUNNING write: SQS's first-receive minus sent timestamps (SQS's clock) plus the
 * worker's monotonic time from the receive to the write; absent on a redelivery (unknown).
 */
public record ProgressMessage(
        int schemaVersion,
        CommandId commandId,
        ThreadId threadId,
        ContainerKey containerKey,
        String stage,
        Instant at,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long queueWaitMillis) implements QueueMessage {

    public ProgressMessage {
        QueueMessage.checkSchemaVersion(schemaVersion);
        QueueMessage.require(commandId, "commandId");
        QueueMessage.require(threadId, "threadId");
        QueueMessage.require(containerKey, "containerKey");
        QueueMessage.require(stage, "stage");
        QueueMessage.require(at, "at");
        if (queueWaitMillis != null && queueWaitMillis < 0) {
            throw new MalformedMessageException("queueWaitMillis must not be negative");
        }
    }

    public static ProgressMessage of(CommandId commandId, ThreadId threadId, ContainerKey containerKey, String stage,
                                     Instant at) {
        return new ProgressMessage(SCHEMA_VERSION, commandId, threadId, containerKey, stage, at, null);
    }

    public ProgressMessage withQueueWait(Long millis) {
        return new ProgressMessage(schemaVersion, commandId, threadId, containerKey, stage, at, millis);
    }
}
