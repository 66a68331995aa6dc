package dev.hermes.protocol.message;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.state.Channel;
import java.time.Instant;

/**
 * Orchestrator to worker, on {@code -in.fifo}: run {@code instruction} in the session of
 * {@code threadId}. {@code sequence} is the per-container order the orchestrator assigned;
 * {@code title} is a one-line summary used for commit messages.
 */
public record CommandMessage(
        int schemaVersion,
        CommandId commandId,
        ThreadId threadId,
        ContainerKey containerKey,
        long sequence,
        Channel channel,
        String title,
        String instruction,
        Instant createdAt) implements QueueMessage {

    public CommandMessage {
        QueueMessage.checkSchemaVersion(schemaVersion);
        QueueMessage.require(commandId, "commandId");
        QueueMessage.require(threadId, "threadId");
        QueueMessage.require(containerKey, "containerKey");
        QueueMessage.require(channel, "channel");
        QueueMessage.require(instruction, "instruction");
        QueueMessage.require(createdAt, "createdAt");
        if (title == null || title.isBlank()) {
            title = firstLine(instruction);
        }
        if (sequence < 0) {
            throw new MalformedMessageException("sequence must not be negative");
        }
    }

    public static CommandMessage of(CommandId commandId, ThreadId threadId, ContainerKey containerKey, long sequence,
                                    Channel channel, String title, String instruction, Instant createdAt) {
        return new CommandMessage(SCHEMA_VERSION, commandId, threadId, containerKey, sequence, channel, title,
                instruction, createdAt);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.isEmpty() ? "(empty instruction)" : line;
    }
}
