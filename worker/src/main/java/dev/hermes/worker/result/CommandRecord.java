package dev.hermes.worker.result;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.state.CommandStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A command's item as stored in the {@code commands} table; the fields the worker reads. The result
 * fields are null until the command ends; {@code attempts} counts the runs so far (0 before the first).
 */
public record CommandRecord(
        CommandId commandId,
        ThreadId threadId,
        ContainerKey containerKey,
        CommandStatus status,
        String summary,
        String branch,
        String commitSha,
        List<String> filesChanged,
        Instant finishedAt,
        long attempts) {

    public CommandRecord {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(containerKey, "containerKey");
        Objects.requireNonNull(status, "status");
        filesChanged = filesChanged == null ? List.of() : List.copyOf(filesChanged);
    }

    /** The result this command already has, to publish again for a redelivered message. */
    public ResultMessage toResult(Instant fallbackFinishedAt) {
        return ResultMessage.of(commandId, threadId, containerKey, status, summary, branch, commitSha, filesChanged,
                finishedAt == null ? fallbackFinishedAt : finishedAt);
    }
}
