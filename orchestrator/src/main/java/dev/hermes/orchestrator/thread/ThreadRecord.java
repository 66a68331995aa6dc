package dev.hermes.orchestrator.thread;

import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.state.Channel;
import java.util.Objects;

/** A conversation, pinned to its first project and user. Times are epoch milliseconds. */
public record ThreadRecord(ThreadId threadId, ContainerKey containerKey, Channel channel, String rootKey,
                           String subject, long createdAt, long lastActivityAt, long messageCount) {
    public ThreadRecord {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(containerKey, "containerKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(rootKey, "rootKey");
        subject = subject == null ? "" : subject;
    }

    public String branch() {
        return threadId.branch();
    }
}
