package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.auth.RequiresRole;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.metrics.MeterSnapshot;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /api/metrics} (viewer): every {@code hermes.*} meter with its tags, type and
 * totals since start ({@code count}, {@code sum}, {@code max}, {@code mean}; {@code value} for gauges),
 * and the time they were read. The ops page polls it and diffs consecutive answers for rates.
 */
@Controller("/api/metrics")
public class MetricsController {
    private final MeterSnapshot snapshot;

    public MetricsController(MeterSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Get
    @RequiresRole(Role.VIEWER)
    public MeterSnapshot.Snapshot metrics() {
        return snapshot.take();
    }
}
