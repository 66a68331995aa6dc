package dev.hermes.orchestrator.reply;

import dev.hermes.protocol.state.ReplyStatus;
import java.util.Objects;

/**
 * One row of the {@code outbox}: the reply and how far it got. {@code nextAttemptAt} is when a
 * PENDING reply is due (while an attempt runs: when its claim expires); times are epoch milliseconds,
 * 0 meaning "not yet".
 */
public record OutboxEntry(Reply reply, ReplyStatus status, long attempts, long nextAttemptAt,
                          String providerMessageId, String lastError, long createdAt, long updatedAt, long sentAt) {
    public OutboxEntry {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(status, "status");
    }

    public String replyId() {
        return reply.replyId();
    }
}
