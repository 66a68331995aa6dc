package dev.hermes.orchestrator.ops;

import java.util.List;
import java.util.Map;

/**
 * The orchestrator's {@code hermes.*} meters as the charts read them: one reading per meter, in the
 * shape of {@code GET /api/metrics} (name, tags, type, count, sum, max, value). Timer sums and maxima
 * are in seconds.
 */
public interface MeterReadings {
    record MeterReading(String name, Map<String, String> tags, String type, double count, double sum, double max,
                        double value) {
        public MeterReading {
            tags = Map.copyOf(tags);
        }
    }

    List<MeterReading> read();
}
