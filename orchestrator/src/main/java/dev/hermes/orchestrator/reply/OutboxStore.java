package dev.hermes.orchestrator.reply;

import java.util.Optional;

/** The {@code outbox} table: every reply sent or to be sent. */
public interface OutboxStore {
    Optional<OutboxEntry> find(String replyId);

    /** Records a PENDING reply unless one with this id exists. */
    void putPending(OutboxEntry entry);

    void markSent(String replyId, String providerMessageId);

    void markAttemptFailed(String replyId, String reason);
}
