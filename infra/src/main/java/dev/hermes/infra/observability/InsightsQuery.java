package dev.hermes.infra.observability;

import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.MathExpression;

/**
 * A CloudWatch Metrics Insights query over one exported statistic of a Hermes meter, e.g.
 * {@code SELECT SUM("hermes.requests.rejected.count") FROM "Hermes"}.
 *
 * <p>{@code FROM "namespace"} (not {@code SCHEMA(...)}) takes the metric under every set of
 * dimensions, so a total stays right whatever tags an emitter adds; {@code groupBy} splits it by
 * one of the meter's tags. Alarms use the single series without {@code groupBy}: CloudWatch cannot
 * alarm on a wildcard or a search, but it can alarm on a Metrics Insights query.
 */
public record InsightsQuery(Function function, HermesMeter meter, ExportedStatistic statistic, String namespace,
                            String groupBy) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./#:-]+");

    /** The aggregate functions of Metrics Insights. */
    public enum Function { SUM, AVG, MAX, MIN, COUNT }

    public InsightsQuery {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(statistic, "statistic");
        requireSafe(namespace, "namespace");
        requireSafe(meter.name(), "meter name");
        if (groupBy != null && !meter.tags().contains(groupBy)) {
            throw new IllegalArgumentException(meter.name() + " has no tag " + groupBy + " (tags: " + meter.tags() + ")");
        }
    }

    public static InsightsQuery of(Function function, HermesMeter meter, ExportedStatistic statistic, String namespace) {
        return new InsightsQuery(function, meter, statistic, namespace, null);
    }

    public InsightsQuery groupedBy(String tag) {
        return new InsightsQuery(function, meter, statistic, namespace, tag);
    }

    public String sql() {
        String sql = "SELECT " + function + "(\"" + meter.metricName(statistic) + "\") FROM \"" + namespace + "\"";
        return groupBy == null ? sql : sql + " GROUP BY " + groupBy;
    }

    public MathExpression expression(Duration period, String label) {
        return MathExpression.Builder.create().expression(sql()).period(period).label(label).build();
    }

    private static void requireSafe(String value, String what) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + SAFE.pattern() + ", was " + value);
        }
    }
}
