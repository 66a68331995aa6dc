package dev.hermes.worker.result;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.state.CommandStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** How a run of a command ended: what is written to its item and published as its result. */
public record CommandOutcome(
        CommandStatus status,
        String summary,
        String branch,
        String commitSha,
        List<String> filesChanged,
        Instant finishedAt) {

    /** Room for a summary an agent wrote to its summary file; a line of output is at most 200. */
    public static final int MAX_SUMMARY = 2000;

    public CommandOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(finishedAt, "finishedAt");
        CommandStatus.RUNNING.checkMoveTo(status);
        summary = summary == null ? "" : summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY);
        filesChanged = filesChanged == null ? List.of() : List.copyOf(filesChanged);
    }

    public ResultMessage toResult(CommandId commandId, ThreadId threadId, ContainerKey containerKey) {
        return ResultMessage.of(commandId, threadId, containerKey, status, summary, branch, commitSha, filesChanged,
                finishedAt);
    }
}
