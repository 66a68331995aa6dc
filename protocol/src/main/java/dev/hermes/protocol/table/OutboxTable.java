package dev.hermes.protocol.table;

/**
 * Attribute names of the {@code outbox} table: every reply sent or to be sent, self-contained so
 * it can be sent again after a restart. Times are epoch milliseconds.
 */
public final class OutboxTable {
    public static final String REPLY_ID = "replyId";
    /** RESULT, ACK (cold-start acknowledgement) or NOTICE (e.g. a dead-lettered command). */
    public static final String KIND = "kind";
    public static final String COMMAND_ID = "commandId";
    public static final String THREAD_ID = "threadId";
    public static final String CHANNEL = "channel";
    /** Email address, E.164 phone, Slack channel, or chat callback URL. */
    public static final String DESTINATION = "destination";
    public static final String SUBJECT = "subject";
    /** The plain text of the reply. */
    public static final String BODY = "body";
    /** Email only: the HTML alternative. */
    public static final String HTML = "html";
    /** Channel specifics as a string map: Message-ID, In-Reply-To, References, Slack thread_ts, SMS from … */
    public static final String ATTRIBUTES = "attributes";
    public static final String STATUS = "status";
    public static final String ATTEMPTS = "attempts";
    /** When the next attempt is due; while an attempt runs, when its claim expires. */
    public static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    /**
     * The channel name while the reply is PENDING, absent otherwise: the hash key of the sparse
     * {@code due} index ({@link #NEXT_ATTEMPT_AT} is its range key), so only waiting replies are indexed.
     */
    public static final String DUE_CHANNEL = "dueChannel";
    /** The token of the attempt that holds the reply now. */
    public static final String CLAIM = "claim";
    public static final String PROVIDER_MESSAGE_ID = "providerMessageId";
    public static final String LAST_ERROR = "lastError";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String SENT_AT = "sentAt";

    private OutboxTable() {
    }
}
