package dev.hermes.infra.observability;

import java.util.List;
import java.util.Objects;

/**
 * Mirrors how micrometer's CloudWatch registry ({@code micrometer-registry-cloudwatch2} 1.15.4, as
 * shipped by micronaut-micrometer-registry-cloudwatch 5.13.2) names what it exports, so that alarms
 * and widgets ask CloudWatch for exactly the metric the services put.
 *
 * <ul>
 *   <li>Name: {@code meterName + "." + suffix}, through {@code CloudWatchNamingConvention}, whose
 *       name delegate is the identity: dots stay dots, case is kept, nothing is shortened.</li>
 *   <li>Suffix per meter type: {@link MeterType#statistics()}.</li>
 *   <li>Dimensions: every tag of the meter (common tags included), in key order, keys cut to 255
 *       characters and values to 1,024, a tag with a blank value dropped, at most 30.</li>
 *   <li>Units: {@code count} is {@code Count}; durations are in the registry's base time unit,
 *       {@code Milliseconds}; other values carry the meter's base unit if it names a CloudWatch unit
 *       (e.g. {@code seconds} → {@code Seconds}), else {@code None}.</li>
 * </ul>
 */
public final class CloudWatchExport {
    static final int MAX_DIMENSIONS = 30;
    static final int MAX_DIMENSION_NAME_LENGTH = 255;

    private CloudWatchExport() {
    }

    /** The CloudWatch metric name of one exported statistic of a meter. */
    public static String metricName(String meterName, MeterType type, ExportedStatistic statistic) {
        Objects.requireNonNull(meterName, "meterName");
        if (meterName.isBlank()) {
            throw new IllegalArgumentException("meter name is blank");
        }
        if (!type.statistics().contains(statistic)) {
            throw new IllegalArgumentException("a " + type + " exports " + type.statistics() + ", not " + statistic);
        }
        return meterName + "." + statistic.suffix();
    }

    /** Every CloudWatch metric name one meter is exported as, in the registry's order. */
    public static List<String> metricNames(String meterName, MeterType type) {
        return type.statistics().stream().map(statistic -> metricName(meterName, type, statistic)).toList();
    }

    /** The dimension names CloudWatch receives for a meter with these tag keys (Micrometer keeps tags sorted by key). */
    public static List<String> dimensionNames(List<String> tagKeys) {
        return tagKeys.stream()
                .sorted()
                .map(key -> key.length() > MAX_DIMENSION_NAME_LENGTH ? key.substring(0, MAX_DIMENSION_NAME_LENGTH) : key)
                .limit(MAX_DIMENSIONS)
                .toList();
    }

    /** The CloudWatch unit of an exported statistic ({@code baseUnit} may be null). */
    public static String unit(MeterType type, ExportedStatistic statistic, String baseUnit) {
        if (statistic == ExportedStatistic.COUNT) {
            return "Count";
        }
        if (type.timed(statistic)) {
            return "Milliseconds";
        }
        if (baseUnit == null) {
            return "None";
        }
        return switch (baseUnit.toLowerCase(java.util.Locale.ROOT)) {
            case "seconds" -> "Seconds";
            case "milliseconds" -> "Milliseconds";
            case "bytes" -> "Bytes";
            case "percent" -> "Percent";
            case "count" -> "Count";
            default -> "None";
        };
    }
}
