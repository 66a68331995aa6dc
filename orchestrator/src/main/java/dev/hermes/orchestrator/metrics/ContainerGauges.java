package dev.hermes.orchestrator.metrics;

import dev.hermes.orchestrator.container.ContainerRecord;
import dev.hermes.protocol.naming.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code hermes.containers.live}: containers holding a live lease, counted in the reaper's pass over
 * the {@code containers} rows (it reads them all anyway), so the gauge costs no read of its own. It
 * is as fresh as the last sweep ({@code hermes.reaper.interval}); every instance reports the same.
 */
@Context
public class ContainerGauges {
    private final AtomicLong live = new AtomicLong();

    public ContainerGauges(MeterRegistry meters) {
        Gauge.builder(MetricNames.CONTAINERS_LIVE, live, AtomicLong::get)
                .description("containers holding a live lease").register(meters);
    }

    /** The reaper read {@code rows} (every container) at {@code now}. */
    public void observed(Collection<ContainerRecord> rows, long now) {
        live.set(rows.stream().filter(row -> row.hasLiveLease(now)).count());
    }
}
