package dev.hermes.orchestrator.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code hermes.metrics}: how often the oldest pending command is looked up for its gauge
 * ({@code pending-refresh}: one DynamoDB query of one item each time).
 */
@ConfigurationProperties("hermes.metrics")
public record MetricsConfig(@Bindable(defaultValue = "15s") Duration pendingRefresh) {
    public MetricsConfig {
        if (pendingRefresh.isNegative() || pendingRefresh.isZero()) {
            throw new IllegalArgumentException("hermes.metrics.pending-refresh must be positive");
        }
    }
}
