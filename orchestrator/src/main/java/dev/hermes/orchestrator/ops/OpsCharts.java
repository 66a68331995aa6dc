package dev.hermes.orchestrator.ops;

import io.micronaut.context.annotation.Context;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charts' history: every {@code hermes.ops.sample-interval} the meters are read into
 * {@link ChartTotals} and the last {@code hermes.ops.samples} readings kept in memory, from the
 * orchestrator's start. {@link #series} answers one point per interval, plus the interval still
 * running up to now, so a chart is current on every poll.
 */
@Context
public class OpsCharts {
    private static final Logger LOG = LoggerFactory.getLogger(OpsCharts.class);
    private final MeterReadings meters;
    private final Clock clock;
    private final long intervalMillis;
    private final int keep;
    private final ArrayDeque<ChartTotals> samples = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "hermes-ops-charts");
        thread.setDaemon(true);
        return thread;
    });

    /** One interval: messages taken in, commands finished and their mean run time, interrupts, dead letters. */
    @Serdeable
    public record Point(long at, long intake, long finished, double meanSeconds, long supersede, long preempt,
                        long deadLettered) {
    }

    @Serdeable
    public record Series(long intervalMillis, List<Point> points) {
    }

    public OpsCharts(MeterReadings meters, Clock clock, OpsConfig config) {
        this.meters = meters;
        this.clock = clock;
        this.intervalMillis = config.sampleInterval().toMillis();
        this.keep = config.samples() + 1;
    }

    @PostConstruct
    void start() {
        sample();
        timer.scheduleAtFixedRate(this::sample, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void sample() {
        try {
            ChartTotals now = read();
            synchronized (samples) {
                samples.addLast(now);
                while (samples.size() > keep) {
                    samples.removeFirst();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the meters for the ops charts: {}", e.toString());
        }
    }

    public Series series() {
        List<ChartTotals> taken;
        synchronized (samples) {
            taken = new ArrayList<>(samples);
        }
        taken.add(read());
        List<Point> points = new ArrayList<>(taken.size());
        for (int i = 1; i < taken.size(); i++) {
            points.add(taken.get(i).since(taken.get(i - 1)));
        }
        return new Series(intervalMillis, points);
    }

    private ChartTotals read() {
        return ChartTotals.of(meters.read(), clock.millis());
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
