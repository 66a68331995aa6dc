package dev.hermes.orchestrator.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code hermes.queues}: the queue name prefix; how many receives before a command goes to the DLQ;
 * how long the output consumer long-polls; how long a container stays COLD before its (empty) queues
 * are deleted, and how often cleanup looks.
 */
@ConfigurationProperties("hermes.queues")
public record QueuesConfig(@Bindable(defaultValue = "hermes-") String prefix,
                           @Bindable(defaultValue = "3") int maxReceiveCount,
                           @Bindable(defaultValue = "20") int outputWaitSeconds,
                           @Bindable(defaultValue = "7d") Duration retentionAfterCold,
                           @Bindable(defaultValue = "1h") Duration cleanupInterval) {
    public QueuesConfig {
        if (maxReceiveCount < 1 || outputWaitSeconds < 0 || outputWaitSeconds > 20) {
            throw new IllegalArgumentException("hermes.queues: max-receive-count >= 1, output-wait-seconds 0..20");
        }
        if (retentionAfterCold.isNegative() || cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException("hermes.queues: retention-after-cold >= 0, cleanup-interval > 0");
        }
    }
}
