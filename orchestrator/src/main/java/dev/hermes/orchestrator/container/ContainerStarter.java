package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.naming.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a worker when work arrives and none holds the lease. The conditional COLD -> STARTING
 * write makes the start happen once, however many messages or orchestrators race; under the
 * running cap the same move also takes a slot ({@link StartSlots}) or marks the container waiting.
 */
@Singleton
public class ContainerStarter {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerStarter.class);
    private final ContainerStore containers;
    private final StartSlots slots;
    private final ContainerLauncher launcher;
    private final LauncherConfig config;
    private final MeterRegistry meters;
    private final Clock clock;

    public ContainerStarter(ContainerStore containers, StartSlots slots, ContainerLauncher launcher,
                            LauncherConfig config, MeterRegistry meters, Clock clock) {
        this.containers = containers;
        this.slots = slots;
        this.launcher = launcher;
        this.config = config;
        this.meters = meters;
        this.clock = clock;
    }

    public enum Outcome {
        /** A worker holds a live lease: nothing to do. */
        LIVE,
        /** This call launched a worker. */
        STARTED,
        /** Another caller is starting it. */
        LOST,
        /** The running cap is reached: the container is marked waiting and the reaper starts it later. */
        WAITING,
        /** The launch failed: the container is COLD and waiting; the reaper retries. */
        FAILED
    }

    /** Whether a worker held a live lease when {@code seen} was read. */
    public boolean holdsLease(ContainerRecord seen) {
        return seen.hasLiveLease(clock.millis());
    }

    /**
     * Answers whether this call launched a worker (a cold start). {@code seen} is the row as just
     * read: a live lease there needs no write at all.
     */
    public boolean ensureStarted(ContainerKey key, ContainerRecord seen) {
        return start(key, seen) == Outcome.STARTED;
    }

    public Outcome start(ContainerKey key, ContainerRecord seen) {
        long now = clock.millis();
        if (seen.hasLiveLease(now)) {
            return Outcome.LIVE;
        }
        long stale = now - config.startDeadline().toMillis();
        int attempt = seen.nextStartAttempt();
        if (config.capped()) {
            StartSlots.Outcome slot = slots.tryStart(key, now, stale, attempt, seen.leaseVersion(), config.maxRunning());
            if (slot == StartSlots.Outcome.FULL) {
                containers.markWaiting(key, now);
                if (seen.waitingSince() == 0) {
                    LOG.info("{} waits: {} containers running (hermes.launcher.max-running)", key, config.maxRunning());
                }
                return Outcome.WAITING;
            }
            if (slot == StartSlots.Outcome.LOST) {
                return Outcome.LOST;
            }
        } else if (!containers.tryMarkStarting(key, now, stale, attempt, seen.leaseVersion())) {
            return Outcome.LOST;
        }
        return launch(key, now, attempt);
    }

    private Outcome launch(ContainerKey key, long startingAt, int attempt) {
        // One token per STARTING transition: a launcher retry of this start finds the same worker.
        String token = "hermes-" + key.hash(16) + "-" + startingAt;
        try {
            String handle = launcher.launch(key, token);
            containers.recordLaunch(key, handle, startingAt);
            meters.counter(MetricNames.CONTAINERS_LAUNCHED, MetricNames.TAG_LAUNCHER, launcher.kind()).increment();
            LOG.info("launched {} for {} (attempt {})", handle, key, attempt);
            return Outcome.STARTED;
        } catch (LaunchFailedException e) {
            // The command is durable and queued: the reaper retries the start.
            LOG.error("{}", e.getMessage());
            meters.counter(MetricNames.CONTAINERS_LAUNCH_FAILED, MetricNames.TAG_LAUNCHER, launcher.kind()).increment();
            containers.markStartFailed(key, startingAt);
            return Outcome.FAILED;
        }
    }
}
