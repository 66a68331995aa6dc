package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.thread.ThreadRecord;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A thread with its commands, oldest first. */
@Serdeable
public record ThreadView(String threadId, String projectId, String userId, String containerKey, String branch,
                         String channel, String subject, Instant createdAt, Instant lastActivityAt,
                         long messageCount, List<CommandView> commands) {
    public static ThreadView of(ThreadRecord t, List<CommandView> commands) {
        return new ThreadView(t.threadId().value(), t.containerKey().project().value(), t.containerKey().user().value(),
                t.containerKey().value(), t.branch(), t.channel().name(), t.subject(),
                Instant.ofEpochMilli(t.createdAt()), Instant.ofEpochMilli(t.lastActivityAt()), t.messageCount(),
                commands);
    }
}
