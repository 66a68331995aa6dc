package dev.hermes.orchestrator.reply;

/** A reply provider's secret is neither in the credential store nor configured; the reply stays PENDING and is retried. */
public class MissingCredentialException extends RuntimeException {
    public MissingCredentialException(ReplySecret name) {
        super("the reply credential " + name + " is not set (PUT /api/secrets/" + name.stored().storeName()
                + ", or " + name.property() + ")");
    }
}
