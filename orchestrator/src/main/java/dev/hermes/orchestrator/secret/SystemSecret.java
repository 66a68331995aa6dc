package dev.hermes.orchestrator.secret;

import dev.hermes.orchestrator.config.ChatConfig;
import java.util.Arrays;
import java.util.Optional;

/**
 * Hermes's own secrets, kept in the {@code global:secrets} item: what the reply senders use. Each
 * says what a value must look like, so a mistyped secret is refused when it is set, not when a reply
 * fails.
 */
public enum SystemSecret {
    REPLY_TWILIO_AUTH_TOKEN("reply.twilio.authToken", "[0-9a-fA-F]{32}", "Twilio's 32 hex digit auth token"),
    REPLY_SLACK_BOT_TOKEN("reply.slack.botToken", "xox[bp]-[A-Za-z0-9-]{10,250}", "a Slack bot token xoxb-…"),
    REPLY_CHAT_SIGNING_SECRET("reply.chat.signingSecret", "whsec_[A-Za-z0-9+/=]{22,200}", "whsec_ and base64 of 16+ bytes");

    private final String storeName;
    private final String pattern;
    private final String form;

    SystemSecret(String storeName, String pattern, String form) {
        this.storeName = storeName;
        this.pattern = pattern;
        this.form = form;
    }

    public String storeName() {
        return storeName;
    }

    public static Optional<SystemSecret> named(String name) {
        return Arrays.stream(values()).filter(s -> s.storeName.equals(name)).findFirst();
    }

    /** Null when the value has the right shape, else what it should look like (never the value). */
    public String problem(String value) {
        if (value == null || !value.matches(pattern)) {
            return "must be " + form;
        }
        if (this == REPLY_CHAT_SIGNING_SECRET && ChatConfig.keyOf(value).length < 16) {
            return "must be " + form;
        }
        return null;
    }
}
