package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.inbound.Attachment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A command as the API shows it: no instruction text beyond its title. */
@Serdeable
public record CommandView(String commandId, String threadId, String containerKey, long sequence, String status,
                          String channel, String title, String signal, long attempts, Instant createdAt,
                          @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String summary,
                          @Nullable String branch, @Nullable String commitSha, List<String> filesChanged,
                          @Nullable String replyId, List<Attachment> attachments) {
    public static CommandView of(CommandRecord c) {
        return new CommandView(c.commandId().value(), c.threadId().value(), c.containerKey().value(), c.sequence(),
                c.status().name(), c.channel().name(), c.title(), c.signal().name(), c.attempts(),
                Instant.ofEpochMilli(c.createdAt()), time(c.startedAt()), time(c.finishedAt()), c.summary(),
                c.branch(), c.commitSha(), c.filesChanged(), c.replyId(), c.attachments());
    }

    private static Instant time(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis);
    }
}
