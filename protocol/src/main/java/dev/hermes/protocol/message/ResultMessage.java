package dev.hermes.protocol.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.state.CommandStatus;
import java.time.Instant;
import java.util.List;

/**
 * Worker to orchestrator, on {@code -out}: how a command ended. {@code commitSha} is null when
 * nothing changed; {@code summary} is a short human-readable account (never the whole agent log).
 * {@code durationMillis} (optional) is the last attempt's time from its RUNNING write to its final
 * status write, on the worker's monotonic clock; absent when a stored result is published again.
 */
public record ResultMessage(
        int schemaVersion,
        CommandId commandId,
        ThreadId threadId,
        ContainerKey containerKey,
        CommandStatus status,
        String summary,
        String branch,
        String commitSha,
        List<String> filesChanged,
        Instant finishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long durationMillis) implements QueueMessage {

    public ResultMessage {
        QueueMessage.checkSchemaVersion(schemaVersion);
        QueueMessage.require(commandId, "commandId");
        QueueMessage.require(threadId, "threadId");
        QueueMessage.require(containerKey, "containerKey");
        QueueMessage.require(status, "status");
        QueueMessage.require(finishedAt, "finishedAt");
        if (!status.isTerminal() && status != CommandStatus.DEAD_LETTERED) {
            throw new MalformedMessageException("a result needs a final status, not " + status);
        }
        summary = summary == null ? "" : summary;
        filesChanged = filesChanged == null ? List.of() : List.copyOf(filesChanged);
        if (durationMillis != null && durationMillis < 0) {
            throw new MalformedMessageException("durationMillis must not be negative");
        }
    }

    public static ResultMessage of(CommandId commandId, ThreadId threadId, ContainerKey containerKey,
                                   CommandStatus status, String summary, String branch, String commitSha,
                                   List<String> filesChanged, Instant finishedAt) {
        return new ResultMessage(SCHEMA_VERSION, commandId, threadId, containerKey, status, summary, branch,
                commitSha, filesChanged, finishedAt, null);
    }

    public ResultMessage withDuration(Long millis) {
        return new ResultMessage(schemaVersion, commandId, threadId, containerKey, status, summary, branch, commitSha,
                filesChanged, finishedAt, millis);
    }
}
