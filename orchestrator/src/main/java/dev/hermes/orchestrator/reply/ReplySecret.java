package dev.hermes.orchestrator.reply;

import dev.hermes.orchestrator.secret.SystemSecret;

/**
 * The secrets reply providers need: each is a credential-store secret, and a configuration key that
 * is used only while the store has none.
 */
public enum ReplySecret {
    TWILIO_AUTH_TOKEN(SystemSecret.REPLY_TWILIO_AUTH_TOKEN, "hermes.reply.twilio.auth-token"),
    SLACK_BOT_TOKEN(SystemSecret.REPLY_SLACK_BOT_TOKEN, "hermes.reply.slack.bot-token"),
    /** {@code whsec_} + base64 of the key that signs chat callbacks. */
    CHAT_SIGNING_SECRET(SystemSecret.REPLY_CHAT_SIGNING_SECRET, "hermes.reply.chat.secret");

    private final SystemSecret stored;
    private final String property;

    ReplySecret(SystemSecret stored, String property) {
        this.stored = stored;
        this.property = property;
    }

    public SystemSecret stored() {
        return stored;
    }

    public String property() {
        return property;
    }
}
