package dev.hermes.orchestrator.container;

import dev.hermes.orchestrator.config.QueuesConfig;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reaper every {@code hermes.reaper.interval} and queue cleanup every
 * {@code hermes.queues.cleanup-interval}, on a thread of its own that stops (and is waited for) before
 * the beans it uses go away, so no sweep starts a worker while the orchestrator shuts down.
 */
@Context
@Requires(property = "hermes.reaper.enabled", notEquals = "false")
public class LifecycleSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleSchedule.class);
    private final ContainerReaper reaper;
    private final QueueJanitor janitor;
    private final Duration reapEvery;
    private final Duration cleanEvery;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "hermes-reaper");
        thread.setDaemon(true);
        return thread;
    });

    public LifecycleSchedule(ContainerReaper reaper, QueueJanitor janitor, ReaperConfig reaperConfig, QueuesConfig queues) {
        this.reaper = reaper;
        this.janitor = janitor;
        this.reapEvery = reaperConfig.interval();
        this.cleanEvery = queues.cleanupInterval();
    }

    @PostConstruct
    void start() {
        timer.scheduleWithFixedDelay(() -> run("reaper sweep", reaper::sweep), reapEvery.toMillis(), reapEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> run("queue cleanup", janitor::sweep), cleanEvery.toMillis(),
                cleanEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(String what, Runnable task) {
        if (timer.isShutdown()) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed, retrying next interval: {}", what, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timer.shutdownNow();
        }
    }
}
