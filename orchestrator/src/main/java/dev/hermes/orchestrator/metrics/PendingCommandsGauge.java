package dev.hermes.orchestrator.metrics;

import dev.hermes.orchestrator.command.PendingCommands;
import dev.hermes.protocol.naming.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hermes.commands.oldest_pending_age} (seconds, 0 when none): how long the longest-waiting
 * command has waited to run. The start of its wait is looked up every {@code hermes.metrics.pending-refresh}
 * (one query of one item on the sparse index); the age is computed when the gauge is read, so it
 * keeps growing between looks while that command still waits.
 */
@Context
public class PendingCommandsGauge {
    private static final Logger LOG = LoggerFactory.getLogger(PendingCommandsGauge.class);
    private final PendingCommands pending;
    private final Clock clock;
    private final long refreshMillis;
    /** Epoch ms since when the oldest command waits; 0 when none does. */
    private final AtomicLong oldestSince = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "hermes-pending-gauge");
        thread.setDaemon(true);
        return thread;
    });

    public PendingCommandsGauge(PendingCommands pending, MeterRegistry meters, Clock clock, MetricsConfig config) {
        this.pending = pending;
        this.clock = clock;
        this.refreshMillis = config.pendingRefresh().toMillis();
        Gauge.builder(MetricNames.OLDEST_PENDING_AGE, this, PendingCommandsGauge::ageSeconds).baseUnit("seconds")
                .description("age of the oldest command waiting to run, 0 when none").register(meters);
    }

    /** Looks once the context has started, so after the tables exist (created at start in local mode). */
    @EventListener
    void onStartup(StartupEvent event) {
        timer.scheduleWithFixedDelay(this::refresh, 0, refreshMillis, TimeUnit.MILLISECONDS);
    }

    /** Looks the oldest pending command up again; a failure keeps the last answer. */
    public void refresh() {
        try {
            oldestSince.set(pending.oldestPendingSince().orElse(0));
        } catch (RuntimeException e) {
            LOG.warn("cannot look up the oldest pending command, keeping the last answer: {}", e.toString());
        }
    }

    double ageSeconds() {
        long since = oldestSince.get();
        return since == 0 ? 0 : Math.max(0, clock.millis() - since) / 1000.0;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
