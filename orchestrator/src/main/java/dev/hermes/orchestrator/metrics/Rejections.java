package dev.hermes.orchestrator.metrics;

import dev.hermes.protocol.naming.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code hermes.requests.rejected} by reason: every 4xx Hermes answers is counted once, where it is
 * answered (the exception handlers, the API's token check, the framework's own errors), under the
 * code its error body carries; and every message the inbound-email queue refuses for such a reason.
 */
@Singleton
public class Rejections {
    private final MeterRegistry meters;

    public Rejections(MeterRegistry meters) {
        this.meters = meters;
    }

    public void count(String reason) {
        meters.counter(MetricNames.REQUESTS_REJECTED, MetricNames.TAG_REASON, reason).increment();
    }
}
