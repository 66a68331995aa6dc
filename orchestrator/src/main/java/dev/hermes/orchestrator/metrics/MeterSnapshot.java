package dev.hermes.orchestrator.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every {@code hermes.*} meter as it stands, from the cumulative ops registry: counts and sums are
 * totals since the orchestrator started, so a reader polls and diffs them for rates. Timers are in
 * milliseconds; {@code max} is the largest value of the last few minutes (Micrometer's decaying max).
 */
@Singleton
public class MeterSnapshot {
    static final String PREFIX = "hermes.";
    private final SimpleMeterRegistry registry;
    private final Clock clock;

    public MeterSnapshot(SimpleMeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** One meter: absent statistics are null ({@code value} for gauges, the others for counters, timers, summaries). */
    @Serdeable
    public record MeterView(String name, String type, Map<String, String> tags, @Nullable String unit,
                            @Nullable Double count, @Nullable Double sum, @Nullable Double max, @Nullable Double mean,
                            @Nullable Double value) {
    }

    @Serdeable
    public record Snapshot(Instant timestamp, List<MeterView> meters) {
    }

    public Snapshot take() {
        Instant now = clock.instant();
        List<MeterView> views = registry.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith(PREFIX))
                .map(MeterSnapshot::view)
                .sorted(Comparator.comparing(MeterView::name).thenComparing(v -> v.tags().toString()))
                .toList();
        return new Snapshot(now, views);
    }

    static MeterView view(Meter meter) {
        String name = meter.getId().getName();
        String type = meter.getId().getType().name().toLowerCase(Locale.ROOT);
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : meter.getId().getTagsAsIterable()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        String unit = meter.getId().getBaseUnit();
        return meter.match(
                gauge -> new MeterView(name, type, tags, unit, null, null, null, null, finite(gauge.value())),
                counter -> new MeterView(name, type, tags, unit, counter.count(), null, null, null, null),
                timer -> new MeterView(name, type, tags, "milliseconds", (double) timer.count(),
                        timer.totalTime(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS),
                        finite(timer.mean(TimeUnit.MILLISECONDS)), null),
                summary -> new MeterView(name, type, tags, unit, (double) summary.count(), summary.totalAmount(),
                        summary.max(), finite(summary.mean()), null),
                longTask -> new MeterView(name, type, tags, "milliseconds", (double) longTask.activeTasks(),
                        longTask.duration(TimeUnit.MILLISECONDS), longTask.max(TimeUnit.MILLISECONDS), null, null),
                timeGauge -> new MeterView(name, type, tags, "milliseconds", null, null, null, null,
                        finite(timeGauge.value(TimeUnit.MILLISECONDS))),
                functionCounter -> new MeterView(name, type, tags, unit, functionCounter.count(), null, null, null,
                        null),
                functionTimer -> new MeterView(name, type, tags, "milliseconds", functionTimer.count(),
                        functionTimer.totalTime(TimeUnit.MILLISECONDS), null,
                        finite(functionTimer.mean(TimeUnit.MILLISECONDS)), null),
                other -> new MeterView(name, type, tags, unit, null, null, null, null, null));
    }

    /** JSON has no NaN: an undefined value (a gauge whose object is gone, a mean of nothing) is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
