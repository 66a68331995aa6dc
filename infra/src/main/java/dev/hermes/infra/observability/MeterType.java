package dev.hermes.infra.observability;

import java.util.List;

/**
 * Micrometer meter types, each with the statistics micrometer's CloudWatch registry
 * ({@code micrometer-registry-cloudwatch2} 1.15, {@code CloudWatchMeterRegistry.Batch}) exports for it,
 * in its order. Timers and summaries export {@code avg} and {@code max} only for a step that
 * recorded at least one event; the others every step once the meter exists.
 */
public enum MeterType {
    COUNTER(List.of(ExportedStatistic.COUNT)),
    TIMER(List.of(ExportedStatistic.SUM, ExportedStatistic.COUNT, ExportedStatistic.AVG, ExportedStatistic.MAX)),
    DISTRIBUTION_SUMMARY(List.of(ExportedStatistic.SUM, ExportedStatistic.COUNT, ExportedStatistic.AVG,
            ExportedStatistic.MAX)),
    GAUGE(List.of(ExportedStatistic.VALUE)),
    TIME_GAUGE(List.of(ExportedStatistic.VALUE)),
    LONG_TASK_TIMER(List.of(ExportedStatistic.ACTIVE_TASKS, ExportedStatistic.DURATION)),
    FUNCTION_COUNTER(List.of(ExportedStatistic.COUNT)),
    FUNCTION_TIMER(List.of(ExportedStatistic.COUNT, ExportedStatistic.SUM, ExportedStatistic.AVG));

    private final List<ExportedStatistic> statistics;

    MeterType(List<ExportedStatistic> statistics) {
        this.statistics = statistics;
    }

    public List<ExportedStatistic> statistics() {
        return statistics;
    }

    /** Whether values of this type are durations, exported in the registry's base unit (milliseconds). */
    boolean timed(ExportedStatistic statistic) {
        return switch (this) {
            case TIMER -> statistic != ExportedStatistic.COUNT;
            case TIME_GAUGE, FUNCTION_TIMER -> statistic != ExportedStatistic.COUNT;
            case LONG_TASK_TIMER -> statistic == ExportedStatistic.DURATION;
            default -> false;
        };
    }
}
