package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.ContainerKey;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a worker when work arrives and none holds the lease. The conditional COLD -> STARTING
 * write makes the start happen once, however many messages or orchestrators race.
 */
@Singleton
public class ContainerStarter {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerStarter.class);
    /** A start that has not produced a lease by then is tried again. */
    static final Duration START_DEADLINE = Duration.ofSeconds(60);
    private final ContainerStore containers;
    private final ContainerLauncher launcher;
    private final Clock clock;

    public ContainerStarter(ContainerStore containers, ContainerLauncher launcher, Clock clock) {
        this.containers = containers;
        this.launcher = launcher;
        this.clock = clock;
    }

    /** Whether a worker held a live lease when {@code seen} was read. */
    public boolean holdsLease(ContainerRecord seen) {
        return seen.leaseOwner() != null && seen.leaseExpiresAt() > clock.millis();
    }

    /**
     * Answers whether this call launched a worker (a cold start); a failed launch is logged and
     * retried later. {@code seen} is the row as just read: a live lease there needs no write at all.
     */
    public boolean ensureStarted(ContainerKey key, ContainerRecord seen) {
        long now = clock.millis();
        if (holdsLease(seen)) {
            return false;
        }
        if (!containers.tryMarkStarting(key, now, now - START_DEADLINE.toMillis())) {
            return false;
        }
        try {
            String handle = launcher.launch(key);
            containers.recordLaunch(key, handle);
            return true;
        } catch (LaunchFailedException e) {
            // The command is durable and queued: the next message (or the reaper) starts it.
            LOG.error("{}", e.getMessage());
            containers.markStartFailed(key);
            return false;
        }
    }
}
