package io.micrometer.cloudwatch2;

import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * Test access to what a real {@link CloudWatchMeterRegistry} would put: its package-private
 * {@code metricData()} builds the exact {@code MetricDatum} list of the next {@code PutMetricData}.
 */
public final class ExportedData {
    private ExportedData() {
    }

    public static List<MetricDatum> of(CloudWatchMeterRegistry registry) {
        return registry.metricData();
    }
}
