package dev.hermes.orchestrator.metrics;

import static dev.hermes.protocol.naming.MetricNames.TAG_OUTCOME;
import static dev.hermes.protocol.naming.MetricNames.TAG_STATUS;

import dev.hermes.protocol.message.ProgressMessage;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.message.WorkerEventMessage;
import dev.hermes.protocol.naming.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Records what workers report on their {@code -out} queues: a worker exports nothing itself. Each
 * duration arrives measured on one clock (see {@code WorkerEventMessage}); only the cold start is
 * measured here, from the container row's start time to now, both by orchestrators' clocks.
 */
@Singleton
public class WorkerReportMetrics {
    private final MeterRegistry meters;
    private final Clock clock;

    public WorkerReportMetrics(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    public void progress(ProgressMessage progress) {
        if (progress.queueWaitMillis() != null) {
            meters.timer(MetricNames.QUEUE_WAIT).record(progress.queueWaitMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A result applied for the first time (a repeat is not counted again). */
    public void resultApplied(ResultMessage result) {
        if (result.durationMillis() != null) {
            meters.timer(MetricNames.COMMAND_DURATION, TAG_STATUS, result.status().name())
                    .record(result.durationMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public void event(WorkerEventMessage event) {
        switch (event.event()) {
            case LEASE_ACQUIRED -> {
                if (Boolean.TRUE.equals(event.takeover())) {
                    meters.counter(MetricNames.LEASE_TAKEOVERS).increment();
                }
                if (event.startingAt() != null) {
                    long millis = clock.millis() - event.startingAt().toEpochMilli();
                    if (millis >= 0) { // two orchestrators' clocks: a negative one is skew, not a start
                        meters.timer(MetricNames.COLD_START).record(millis, TimeUnit.MILLISECONDS);
                    }
                }
            }
            case FENCING_REJECTED -> meters.counter(MetricNames.FENCING_REJECTIONS).increment();
            case INTERRUPT -> {
                meters.counter(MetricNames.INTERRUPTS, TAG_OUTCOME, event.outcome().tag()).increment();
                if (event.latencyMillis() != null) {
                    meters.timer(MetricNames.INTERRUPT_LATENCY, TAG_OUTCOME, event.outcome().tag())
                            .record(event.latencyMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }
}
