package dev.hermes.orchestrator.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code hermes.api}: the bearer token of the read API ({@code /api/**}). Never logged. */
@ConfigurationProperties("hermes.api")
public record ApiConfig(String token) {
    public ApiConfig {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("hermes.api.token must be set (16+ characters)");
        }
    }

    @Override
    public String toString() {
        return "ApiConfig[token=***]";
    }
}
