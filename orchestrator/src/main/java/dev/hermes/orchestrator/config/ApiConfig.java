package dev.hermes.orchestrator.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code hermes.api}: the management API. {@code token} is the bootstrap admin token (16+ characters;
 * optional once stored tokens exist): it is held in memory only, never stored or logged. Each token may
 * make {@code burst} requests at once, refilled at {@code per-minute}; validated tokens are cached for
 * {@code token-cache} per instance (a revocation through another instance takes effect within it);
 * stored responses of {@code Idempotency-Key} requests are kept for {@code idempotency-ttl}.
 */
@ConfigurationProperties("hermes.api")
public record ApiConfig(@Nullable String token,
                        @Bindable(defaultValue = "600") int perMinute,
                        @Bindable(defaultValue = "60") int burst,
                        @Bindable(defaultValue = "5s") Duration tokenCache,
                        @Bindable(defaultValue = "24h") Duration idempotencyTtl) {
    public ApiConfig {
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (token != null && token.length() < 16) {
            throw new IllegalArgumentException("hermes.api.token must be 16+ characters");
        }
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("hermes.api.per-minute and burst must be positive");
        }
        if (idempotencyTtl.compareTo(Duration.ofMinutes(1)) < 0 || idempotencyTtl.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("hermes.api.idempotency-ttl must be 1m..7d");
        }
    }

    @Override
    public String toString() {
        return "ApiConfig[token=" + (token == null ? "none" : "***") + ", perMinute=" + perMinute + ", burst=" + burst + "]";
    }
}
