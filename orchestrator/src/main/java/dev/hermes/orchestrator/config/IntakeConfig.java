package dev.hermes.orchestrator.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code hermes.intake}: the per-sender rate limit (a token bucket per sender key, per orchestrator
 * instance): {@code burst} messages at once, refilled at {@code per-minute}.
 */
@ConfigurationProperties("hermes.intake")
public record IntakeConfig(@Bindable(defaultValue = "30") int perMinute,
                           @Bindable(defaultValue = "10") int burst) {
    public IntakeConfig {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("hermes.intake.per-minute and burst must be positive");
        }
    }
}
