package dev.hermes.orchestrator.container;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code hermes.reaper}: how often the reaper sweeps the containers ({@code interval}), the first
 * delay between restarts of a worker that keeps dying before it takes its lease
 * ({@code restart-backoff}, doubled per attempt up to the start deadline), and how long after its last
 * activity a COLD container's input queue is still checked for stranded work ({@code cold-check-window}).
 */
@ConfigurationProperties("hermes.reaper")
public record ReaperConfig(@Bindable(defaultValue = "true") boolean enabled,
                           @Bindable(defaultValue = "10s") Duration interval,
                           @Bindable(defaultValue = "5s") Duration restartBackoff,
                           @Bindable(defaultValue = "1h") Duration coldCheckWindow) {
    public ReaperConfig {
        if (interval.isNegative() || interval.isZero() || restartBackoff.isNegative() || coldCheckWindow.isNegative()) {
            throw new IllegalArgumentException("hermes.reaper: interval > 0, restart-backoff and cold-check-window >= 0");
        }
    }

    /** The wait before restart number {@code attempt} (1 = first restart), capped at {@code max}. */
    Duration backoff(int attempt, Duration max) {
        long millis = restartBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
