package dev.hermes.orchestrator.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The registry the ops API reads. Micronaut gathers every {@code MeterRegistry} bean into its
 * primary composite, which is what the code records into; this cumulative one is always among them,
 * so {@code GET /api/metrics} shows totals since start whether or not CloudWatch (a step registry,
 * whose counts are per step) is exporting beside it.
 */
@Factory
public class MetricsBeans {
    @Singleton
    SimpleMeterRegistry opsMeterRegistry() {
        return new SimpleMeterRegistry();
    }
}
