package dev.hermes.tests;

import java.util.Map;

/**
 * Worker timings for scenarios that wait on retries and stops: a 4 s visibility timeout, a 1 s retry
 * back-off and a 1 s stop grace, as system properties (they reach the orchestrator's configuration
 * and the workers it launches). Set before Hermes starts, cleared after it stops.
 */
final class FastRetries {
    private static final Map<String, String> TIMINGS = Map.of(
            "hermes.launcher.process.visibility-timeout-seconds", "4",
            "hermes.launcher.process.retry-backoff-seconds", "1",
            "hermes.launcher.process.stop-grace-millis", "1000");

    private FastRetries() {
    }

    static void set() {
        TIMINGS.forEach(System::setProperty);
    }

    static void clear() {
        TIMINGS.keySet().forEach(System::clearProperty);
    }
}
