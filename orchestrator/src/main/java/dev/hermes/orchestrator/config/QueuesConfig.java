package dev.hermes.orchestrator.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code hermes.queues}: the queue name prefix; how many receives before a command goes to the DLQ;
 * how long the output consumer long-polls.
 */
@ConfigurationProperties("hermes.queues")
public record QueuesConfig(@Bindable(defaultValue = "hermes-") String prefix,
                           @Bindable(defaultValue = "3") int maxReceiveCount,
                           @Bindable(defaultValue = "20") int outputWaitSeconds) {
    public QueuesConfig {
        if (maxReceiveCount < 1 || outputWaitSeconds < 0 || outputWaitSeconds > 20) {
            throw new IllegalArgumentException("hermes.queues: max-receive-count >= 1, output-wait-seconds 0..20");
        }
    }
}
