package dev.hermes.orchestrator.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code hermes.webhooks}: the shared secret that {@code POST /webhooks/email/mime} requires in its
 * {@code X-Hermes-Secret} header. Never logged.
 */
@ConfigurationProperties("hermes.webhooks")
public record WebhookConfig(String mimeSecret) {
    public WebhookConfig {
        if (mimeSecret == null || mimeSecret.length() < 16) {
            throw new IllegalArgumentException("hermes.webhooks.mime-secret must be set (16+ characters)");
        }
    }

    @Override
    public String toString() {
        return "WebhookConfig[mimeSecret=***]";
    }
}
