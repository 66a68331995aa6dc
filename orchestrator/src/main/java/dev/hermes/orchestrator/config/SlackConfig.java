package dev.hermes.orchestrator.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code hermes.inbound.slack}: the app's signing secret (the HMAC key of {@code X-Slack-Signature})
 * and the bot's own user id, whose messages are never taken as instructions. The secret is never logged.
 */
@ConfigurationProperties("hermes.inbound.slack")
public record SlackConfig(String signingSecret, String botUserId) {
    public SlackConfig {
        if (signingSecret == null || signingSecret.length() < 16) {
            throw new IllegalArgumentException("hermes.inbound.slack.signing-secret must be set (16+ characters)");
        }
        if (botUserId == null || !botUserId.matches("[A-Z0-9]{2,32}")) {
            throw new IllegalArgumentException("hermes.inbound.slack.bot-user-id must be the bot's Slack user id (U…)");
        }
    }

    @Override
    public String toString() {
        return "SlackConfig[signingSecret=***, botUserId=" + botUserId + "]";
    }
}
