package dev.hermes.orchestrator.container;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the reaper every {@code hermes.reaper.interval} and queue cleanup every {@code hermes.queues.cleanup-interval}. */
@Singleton
@Requires(property = "hermes.reaper.enabled", notEquals = "false")
public class LifecycleSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleSchedule.class);
    private final ContainerReaper reaper;
    private final QueueJanitor janitor;

    public LifecycleSchedule(ContainerReaper reaper, QueueJanitor janitor) {
        this.reaper = reaper;
        this.janitor = janitor;
    }

    @Scheduled(fixedDelay = "${hermes.reaper.interval:10s}", initialDelay = "${hermes.reaper.interval:10s}")
    void reap() {
        try {
            reaper.sweep();
        } catch (RuntimeException e) {
            LOG.warn("reaper sweep failed, retrying next interval: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "${hermes.queues.cleanup-interval:1h}", initialDelay = "${hermes.queues.cleanup-interval:1h}")
    void cleanUp() {
        try {
            janitor.sweep();
        } catch (RuntimeException e) {
            LOG.warn("queue cleanup failed, retrying next interval: {}", e.toString());
        }
    }
}
