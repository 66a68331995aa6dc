package dev.hermes.orchestrator.reply;

/** A reply provider's secret is not configured; the reply stays PENDING and is retried. */
public class MissingCredentialException extends RuntimeException {
    public MissingCredentialException(ReplySecret name) {
        super("the reply credential " + name + " (" + name.property() + ") is not configured");
    }
}
