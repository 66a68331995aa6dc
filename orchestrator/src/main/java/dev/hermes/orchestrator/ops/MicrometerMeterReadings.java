package dev.hermes.orchestrator.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@link MeterReadings} straight from this process's {@link MeterRegistry}. */
@Singleton
public class MicrometerMeterReadings implements MeterReadings {
    private final MeterRegistry registry;

    public MicrometerMeterReadings(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<MeterReading> read() {
        return registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("hermes."))
                .map(MicrometerMeterReadings::reading).toList();
    }

    private static MeterReading reading(Meter m) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag t : m.getId().getTags()) {
            tags.put(t.getKey(), t.getValue());
        }
        String name = m.getId().getName();
        if (m instanceof Counter c) {
            return new MeterReading(name, tags, "counter", c.count(), 0, 0, 0);
        }
        if (m instanceof FunctionCounter c) {
            return new MeterReading(name, tags, "counter", c.count(), 0, 0, 0);
        }
        if (m instanceof Timer t) {
            return new MeterReading(name, tags, "timer", t.count(), t.totalTime(TimeUnit.SECONDS),
                    t.max(TimeUnit.SECONDS), 0);
        }
        if (m instanceof DistributionSummary s) {
            return new MeterReading(name, tags, "summary", s.count(), s.totalAmount(), s.max(), 0);
        }
        if (m instanceof Gauge g) {
            return new MeterReading(name, tags, "gauge", 0, 0, 0, g.value());
        }
        return new MeterReading(name, tags, "other", 0, 0, 0, 0);
    }
}
