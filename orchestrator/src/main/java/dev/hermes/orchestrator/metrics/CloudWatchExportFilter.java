package dev.hermes.orchestrator.metrics;

import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * CloudWatch gets the Hermes meters only ({@code hermes.*}, every one in {@code MeterCatalog}): the
 * JVM, HTTP server and executor meters Micronaut binds stay in the process, since every CloudWatch
 * metric (each name and dimension set) is billed, and the alarms and dashboard read Hermes's alone.
 * The filter is set as the registry is created, before the composite hands it any meter.
 */
@Singleton
@Requires(property = "micronaut.metrics.export.cloudwatch.enabled", value = "true")
public class CloudWatchExportFilter implements BeanCreatedEventListener<CloudWatchMeterRegistry> {
    static final String PREFIX = "hermes.";

    @Override
    public CloudWatchMeterRegistry onCreated(BeanCreatedEvent<CloudWatchMeterRegistry> event) {
        CloudWatchMeterRegistry registry = event.getBean();
        registry.config().meterFilter(MeterFilter.denyUnless(id -> id.getName().startsWith(PREFIX)));
        return registry;
    }
}
