package dev.hermes.orchestrator.command;

import dev.hermes.orchestrator.inbound.Attachment;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.CommandStatus;
import java.util.List;
import java.util.Objects;

/** One row of {@code commands}. Times are epoch milliseconds; 0 means "not yet". */
public record CommandRecord(CommandId commandId, ThreadId threadId, ContainerKey containerKey, long sequence,
                            CommandStatus status, Channel channel, String title, String instruction,
                            ReplyRoute replyRoute, ThreadSignal signal, long attempts, long createdAt,
                            long startedAt, long finishedAt, String summary, String branch, String commitSha,
                            List<String> filesChanged, String replyId, List<Attachment> attachments) {
    public CommandRecord {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(containerKey, "containerKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(channel, "channel");
        filesChanged = filesChanged == null ? List.of() : List.copyOf(filesChanged);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static CommandRecord received(CommandId id, ThreadId threadId, ContainerKey key, Channel channel,
                                         String title, String instruction, ReplyRoute route, ThreadSignal signal,
                                         List<Attachment> attachments, long now) {
        return new CommandRecord(id, threadId, key, -1, CommandStatus.RECEIVED, channel, title, instruction, route,
                signal, 0, now, 0, 0, null, threadId.branch(), null, List.of(), null, attachments);
    }
}
