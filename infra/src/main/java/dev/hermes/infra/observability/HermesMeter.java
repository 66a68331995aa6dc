package dev.hermes.infra.observability;

import java.util.List;
import java.util.Objects;

/**
 * One meter the services emit: its Micrometer name, type, tag keys and base unit (or {@code null}).
 */
public record HermesMeter(String name, MeterType type, List<String> tags, String baseUnit) {
    public HermesMeter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        tags = List.copyOf(tags);
    }

    public static HermesMeter counter(String name, String... tags) {
        return new HermesMeter(name, MeterType.COUNTER, List.of(tags), null);
    }

    public static HermesMeter timer(String name, String... tags) {
        return new HermesMeter(name, MeterType.TIMER, List.of(tags), null);
    }

    public static HermesMeter summary(String name, String... tags) {
        return new HermesMeter(name, MeterType.DISTRIBUTION_SUMMARY, List.of(tags), null);
    }

    public static HermesMeter gauge(String name, String baseUnit) {
        return new HermesMeter(name, MeterType.GAUGE, List.of(), baseUnit);
    }

    /** The CloudWatch metric name of one statistic, through {@link CloudWatchExport#metricName}. */
    public String metricName(ExportedStatistic statistic) {
        return CloudWatchExport.metricName(name, type, statistic);
    }

    public List<String> dimensions() {
        return CloudWatchExport.dimensionNames(tags);
    }

    public String unit(ExportedStatistic statistic) {
        return CloudWatchExport.unit(type, statistic, baseUnit);
    }
}
