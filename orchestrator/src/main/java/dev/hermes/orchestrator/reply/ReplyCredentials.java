package dev.hermes.orchestrator.reply;

/**
 * Where reply senders get their secrets. Read on every send, so a rotated secret takes effect
 * without a restart; never logged. {@link StoredReplyCredentials} reads the credential store.
 */
public interface ReplyCredentials {
    /** The secret; throws {@link MissingCredentialException} when there is none. */
    String secret(ReplySecret name);
}
