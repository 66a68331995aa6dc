package dev.hermes.orchestrator.reply;

/** The secrets reply providers need, and the configuration key each is read from by default. */
public enum ReplySecret {
    TWILIO_AUTH_TOKEN("hermes.reply.twilio.auth-token"),
    SLACK_BOT_TOKEN("hermes.reply.slack.bot-token"),
    /** {@code whsec_} + base64 of the key that signs chat callbacks. */
    CHAT_SIGNING_SECRET("hermes.reply.chat.secret");

    private final String property;

    ReplySecret(String property) {
        this.property = property;
    }

    public String property() {
        return property;
    }
}
