package dev.hermes.orchestrator.reply;

import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.ReplyStatus;
import java.util.List;
import java.util.Optional;

/**
 * The {@code outbox} table: every reply sent or to be sent. Each change is a conditional write on
 * the expected status; an attempt first claims its reply, so two senders never hold one at once.
 */
public interface OutboxStore {
    Optional<OutboxEntry> find(String replyId);

    /**
     * Records the reply as {@code status} (PENDING, due at once, or HELD) unless one with its id
     * exists; answers whether this call recorded it.
     */
    boolean record(Reply reply, ReplyStatus status, long now);

    /** Ids of PENDING replies of the channel due by {@code now}, soonest first. */
    List<String> due(Channel channel, long now, int limit);

    /**
     * Claims a due PENDING reply for one attempt: counts the attempt and holds the reply until
     * {@code claimUntil}. Empty when it is not due, not PENDING, or another attempt holds it.
     */
    Optional<OutboxEntry> claim(String replyId, String token, long now, long claimUntil);

    /** PENDING -> SENT with the provider's message id; false if it was no longer PENDING. */
    boolean markSent(String replyId, String providerMessageId, long now);

    /** Keeps a claimed reply PENDING, due again at {@code at}; false if the claim was lost. */
    boolean retryLater(String replyId, String token, String error, long at, long now);

    /** PENDING -> FAILED or SKIPPED for a claimed reply; false if the claim was lost. */
    boolean finish(String replyId, String token, ReplyStatus status, String reason, long now);

    /** A page of the outbox in table order, optionally only one status. */
    OutboxPage list(String cursor, int limit, ReplyStatus status);
}
