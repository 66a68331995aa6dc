package dev.hermes.orchestrator.container;

import dev.hermes.orchestrator.metrics.ContainerGauges;
import dev.hermes.orchestrator.result.OutputConsumer;
import dev.hermes.protocol.naming.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.ContainerStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Repairs what a crash, a lost worker or the running cap left behind. Every action is a conditional
 * write on the row as read, so several orchestrators may sweep at once:
 * <ul>
 * <li>a STARTING container whose worker died before taking the lease, or whose start passed the
 * deadline, is started again (dead workers with backoff), or put back to COLD when no work waits;</li>
 * <li>an expired lease is taken back (container COLD, the zombie asked to stop), then the container is
 * started again if its {@code -in.fifo} holds work (visible or in flight);</li>
 * <li>a recently active COLD container with visible work on its queue (an orchestrator died between the
 * send and the start, or a stopped worker's message came back) is started;</li>
 * <li>waiting containers (the cap, failed launches) are started oldest first while slots are free.</li>
 * </ul>
 */
@Singleton
public class ContainerReaper {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerReaper.class);
    private final ContainerStore containers;
    private final ContainerStarter starter;
    private final ContainerLauncher launcher;
    private final QueueDepths depths;
    private final OutputConsumer outputs;
    private final LauncherConfig launcherConfig;
    private final ReaperConfig config;
    private final Clock clock;
    private final ContainerGauges gauges;
    private final MeterRegistry meters;

    public ContainerReaper(ContainerStore containers, ContainerStarter starter, ContainerLauncher launcher,
                           QueueDepths depths, OutputConsumer outputs, LauncherConfig launcherConfig, ReaperConfig config,
                           Clock clock, ContainerGauges gauges, MeterRegistry meters) {
        this.gauges = gauges;
        this.meters = meters;
        this.containers = containers;
        this.starter = starter;
        this.launcher = launcher;
        this.depths = depths;
        this.outputs = outputs;
        this.launcherConfig = launcherConfig;
        this.config = config;
        this.clock = clock;
    }

    /** One pass over every container; answers how many starts it made. */
    public synchronized int sweep() {
        List<ContainerRecord> rows = containers.all();
        gauges.observed(rows, clock.millis());
        int started = 0;
        for (ContainerRecord row : rows) {
            if (row.queues() == null || row.waitingSince() > 0 && row.status() == ContainerStatus.COLD) {
                continue;
            }
            MDC.put("containerKey", row.key().value());
            try {
                started += reap(row, clock.millis()) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("reaping {} failed, next sweep retries: {}", row.key(), e.toString());
            } finally {
                MDC.remove("containerKey");
            }
        }
        return started + startWaiting(rows);
    }

    private boolean reap(ContainerRecord c, long now) {
        return switch (c.status()) {
            case STARTING -> reapStarting(c, now);
            case RUNNING -> reapRunning(c, now);
            // Only visible work: messages in flight belong to a worker that released its lease on the way out
            // (stopped mid-command); they come back visible after their visibility timeout, and then count.
            // The last interval is left to the dispatch that is sending (and starting) right now.
            case COLD -> c.lastActivityAt() > now - config.coldCheckWindow().toMillis()
                    && c.lastActivityAt() < now - config.interval().toMillis()
                    && hasVisibleWork(c) && start(c, "work is queued but no worker runs");
        };
    }

    private boolean reapStarting(ContainerRecord c, long now) {
        long age = now - c.startingAt();
        WorkerState state = c.launcherHandle() == null ? null : launcher.describe(c.launcherHandle());
        if (state != null && state.isStopped()) {
            if (age < config.backoff(c.startAttempts(), launcherConfig.startDeadline()).toMillis()) {
                return false;
            }
            LOG.warn("worker {} of {} stopped before taking the lease ({}, exit {})", c.launcherHandle(), c.key(),
                    state.reason(), state.exitCode());
        } else if (age < launcherConfig.startDeadline().toMillis()) {
            return false;
        } else {
            LOG.warn("start of {} is stuck since {} ms (handle {})", c.key(), age, c.launcherHandle());
            stopQuietly(c, "start deadline passed");
        }
        if (!containers.markStartFailed(c.key(), c.startingAt())) {
            return false;
        }
        return restartIfWork(c.key());
    }

    private boolean reapRunning(ContainerRecord c, long now) {
        if (c.leaseOwner() == null || c.leaseExpiresAt() >= now || !containers.clearExpiredLease(c, now)) {
            return false;
        }
        LOG.warn("lease of {} by {} (version {}) expired; taken back", c.key(), c.leaseOwner(), c.leaseVersion());
        meters.counter(MetricNames.LEASE_TAKEOVERS).increment();
        stopQuietly(c, "lease expired");
        return restartIfWork(c.key());
    }

    /** The row was just moved to COLD: start it again if its input queue holds work. */
    private boolean restartIfWork(ContainerKey key) {
        ContainerRecord now = containers.find(key).orElse(null);
        if (now == null || now.queues() == null) {
            return false;
        }
        if (!hasWork(now)) {
            containers.clearWaiting(key);
            return false;
        }
        return start(now, "restart with work queued");
    }

    private int startWaiting(List<ContainerRecord> rows) {
        List<ContainerRecord> waiting = rows.stream().filter(r -> r.waitingSince() > 0 && r.queues() != null)
                .sorted(Comparator.comparingLong(ContainerRecord::waitingSince)).toList();
        int started = 0;
        for (ContainerRecord seen : waiting) {
            ContainerRecord row = containers.find(seen.key()).orElse(null);
            if (row == null || row.waitingSince() == 0 || row.queues() == null) {
                continue;
            }
            if (row.status() != ContainerStatus.COLD || row.hasLiveLease(clock.millis()) || !hasWork(row)) {
                containers.clearWaiting(row.key());
                continue;
            }
            outputs.watch(row.key(), row.queues().out());
            ContainerStarter.Outcome outcome = starter.start(row.key(), row);
            if (outcome == ContainerStarter.Outcome.WAITING) {
                break; // the cap is full: the oldest keep their place
            }
            started += outcome == ContainerStarter.Outcome.STARTED ? 1 : 0;
        }
        return started;
    }

    private boolean start(ContainerRecord row, String why) {
        outputs.watch(row.key(), row.queues().out());
        ContainerStarter.Outcome outcome = starter.start(row.key(), row);
        if (outcome == ContainerStarter.Outcome.STARTED) {
            LOG.info("reaper started {}: {}", row.key(), why);
        }
        return outcome == ContainerStarter.Outcome.STARTED;
    }

    /** Visible, delayed or in flight: what a dead worker may have left. */
    private boolean hasWork(ContainerRecord row) {
        return !depths.of(row.queues().in()).isEmpty();
    }

    private boolean hasVisibleWork(ContainerRecord row) {
        QueueDepths.Depth d = depths.of(row.queues().in());
        return d.visible() + d.delayed() > 0;
    }

    private void stopQuietly(ContainerRecord c, String reason) {
        if (c.launcherHandle() == null) {
            return;
        }
        try {
            launcher.stop(c.launcherHandle(), reason);
        } catch (RuntimeException e) {
            LOG.warn("cannot stop {}: {}", c.launcherHandle(), e.toString());
        }
    }
}
