package dev.hermes.orchestrator.health;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link ReadinessCheck} and remembers the answer for a second, so that several probes
 * (load balancer targets, an operator's curl) cost one round of requests. A failure's reason is the
 * exception's class name only: it never carries request data or credentials.
 */
@Singleton
public class Readiness {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
    static final long CACHE_MILLIS = 1000;
    private final List<ReadinessCheck> checks;
    private final Clock clock;
    private volatile Report last;
    private volatile long lastAt;

    public Readiness(List<ReadinessCheck> checks, Clock clock) {
        this.checks = List.copyOf(checks);
        this.clock = clock;
    }

    public synchronized Report report() {
        long now = clock.millis();
        if (last != null && now - lastAt < CACHE_MILLIS) {
            return last;
        }
        Map<String, String> components = new LinkedHashMap<>();
        boolean up = true;
        for (ReadinessCheck check : checks) {
            try {
                check.check();
                components.put(check.name(), "UP");
            } catch (RuntimeException e) {
                up = false;
                components.put(check.name(), "DOWN: " + e.getClass().getSimpleName());
                LOG.warn("readiness: {} is down: {}", check.name(), e.getClass().getName());
            }
        }
        last = new Report(up ? "UP" : "DOWN", components);
        lastAt = now;
        return last;
    }

    @Serdeable
    public record Report(String status, Map<String, String> components) {
        public boolean up() {
            return "UP".equals(status);
        }
    }
}
