package dev.hermes.orchestrator.container;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code hermes.launcher}: which launcher starts workers ({@code process} or {@code ecs}), how many
 * containers may run at once ({@code max-running}, 0 = no cap), and how long a start may take before
 * it is tried again ({@code start-deadline}).
 */
@ConfigurationProperties("hermes.launcher")
public record LauncherConfig(@Bindable(defaultValue = "process") String kind,
                             @Bindable(defaultValue = "0") int maxRunning,
                             @Bindable(defaultValue = "60s") Duration startDeadline) {
    public LauncherConfig {
        if (!kind.equals("process") && !kind.equals("ecs")) {
            throw new IllegalArgumentException("hermes.launcher.kind must be process or ecs, not " + kind);
        }
        if (maxRunning < 0) {
            throw new IllegalArgumentException("hermes.launcher.max-running must be >= 0 (0: no cap)");
        }
        if (startDeadline.isNegative() || startDeadline.isZero()) {
            throw new IllegalArgumentException("hermes.launcher.start-deadline must be positive");
        }
    }

    public boolean capped() {
        return maxRunning > 0;
    }
}
