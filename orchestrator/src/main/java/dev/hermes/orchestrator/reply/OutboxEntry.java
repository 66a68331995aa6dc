package dev.hermes.orchestrator.reply;

import dev.hermes.protocol.state.Channel;
import java.util.Objects;

/** One reply: where it goes, what it says, and how far it got. */
public record OutboxEntry(String replyId, String commandId, String threadId, Channel channel, String destination,
                          String subject, String body, String messageId, Status status, long attempts,
                          String providerMessageId, String lastError, long createdAt) {
    public enum Status { PENDING, SENT, FAILED }

    public OutboxEntry {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
    }
}
