package dev.hermes.orchestrator.reply;

/** Delivers a reply email (SMTP locally, SES on AWS). */
public interface ReplySender {
    /** Sends it; answers the provider's message id. Throws {@link ReplyFailedException} when it did not go. */
    String send(OutgoingEmail email);
}
