package dev.hermes.orchestrator.reply;

/**
 * Where reply senders get their secrets. Read on every send, so a rotated secret takes effect
 * without a restart; never logged. Today {@link ConfiguredReplyCredentials} reads the configuration;
 * a credential store replaces that one class.
 */
public interface ReplyCredentials {
    /** The secret; throws {@link MissingCredentialException} when there is none. */
    String secret(ReplySecret name);
}
