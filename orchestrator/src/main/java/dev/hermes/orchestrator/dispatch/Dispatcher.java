package dev.hermes.orchestrator.dispatch;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.container.ContainerQueues;
import dev.hermes.orchestrator.container.ContainerRecord;
import dev.hermes.orchestrator.container.ContainerStarter;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.result.OutputConsumer;
import dev.hermes.orchestrator.storage.Batcher;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.message.CommandMessage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Puts recorded commands on their containers' input queues and makes sure a worker will take them.
 * Commands dispatched at the same time travel together, per container: queues first, one block of
 * sequence numbers, the FIFO sends in sequence order (deduplicated on the command id). The caller
 * returns once its command is on the queue; then, without being waited for, a second stage reads
 * the lease as it is after the send, starts a worker if none holds it, and writes QUEUED.
 */
@Singleton
public class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_BATCH = 100;
    private final QueueProvisioner provisioner;
    private final ContainerStore containers;
    private final ContainerStarter starter;
    private final OutputConsumer outputs;
    private final SqsBatchSender sender;
    private final QueuedMarker queued;
    private final Map<ContainerKey, ContainerQueues> knownQueues = new ConcurrentHashMap<>();
    private final Batcher<CommandRecord, Long> batcher;
    private final Batcher<Sent, Void> after;
    private final ExecutorService perContainer = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "hermes-dispatch");
        t.setDaemon(true);
        return t;
    });

    public Dispatcher(QueueProvisioner provisioner, ContainerStore containers, ContainerStarter starter,
                      OutputConsumer outputs, SqsBatchSender sender, QueuedMarker queued, MeterRegistry meters) {
        this.provisioner = provisioner;
        this.containers = containers;
        this.starter = starter;
        this.outputs = outputs;
        this.sender = sender;
        this.queued = queued;
        this.batcher = new Batcher<>("dispatch", MAX_BATCH, this::dispatchAll, meters);
        this.after = new Batcher<>("after-dispatch", MAX_BATCH, this::afterAll, meters);
    }

    /** A command on its queue, with the sequence number it was sent with. */
    private record Sent(CommandRecord command, long sequence, ContainerQueues queues) {
    }

    /** Returns once the command is on its container's queue; answers its sequence number. */
    public long dispatch(CommandRecord command) {
        return batcher.await(command);
    }

    /** Does not wait: completes on the dispatcher's thread once the command is on its queue. */
    public CompletableFuture<Long> submit(CommandRecord command) {
        return batcher.submit(command);
    }

    private void dispatchAll(List<Batcher.Job<CommandRecord, Long>> jobs) {
        Map<ContainerKey, List<Batcher.Job<CommandRecord, Long>>> byContainer = new LinkedHashMap<>();
        jobs.forEach(j -> byContainer.computeIfAbsent(j.item().containerKey(), k -> new ArrayList<>()).add(j));
        if (byContainer.size() == 1) {
            byContainer.forEach(this::dispatchSafely);
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        byContainer.forEach((key, group) -> running.add(perContainer.submit(() -> dispatchSafely(key, group))));
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                LOG.error("dispatch of a container's batch did not finish", e);
            }
        }
    }

    private void dispatchSafely(ContainerKey key, List<Batcher.Job<CommandRecord, Long>> jobs) {
        MDC.put("containerKey", key.value());
        try {
            dispatchContainer(key, jobs);
        } catch (RuntimeException e) {
            LOG.warn("dispatch of {} commands failed: {}", jobs.size(), e.getMessage());
            jobs.forEach(j -> j.fail(e));
        } finally {
            MDC.remove("containerKey");
        }
    }

    private void dispatchContainer(ContainerKey key, List<Batcher.Job<CommandRecord, Long>> jobs) {
        ContainerQueues queues = queuesOf(key);
        ContainerStore.Sequenced block = containers.reserveSequences(key, jobs.size());
        long first = block.sequence() - jobs.size() + 1;
        List<CommandMessage> messages = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            CommandRecord c = jobs.get(i).item();
            messages.add(CommandMessage.of(c.commandId(), c.threadId(), c.containerKey(), first + i, c.channel(),
                    c.title(), c.instruction(), Instant.ofEpochMilli(c.createdAt())));
        }
        List<RuntimeException> failures = sender.send(queues.in(), key.value(), messages);
        if (failures.stream().allMatch(f -> f != null)) {
            throw failures.get(0);
        }
        for (int i = 0; i < jobs.size(); i++) {
            Batcher.Job<CommandRecord, Long> job = jobs.get(i);
            if (failures.get(i) != null) {
                job.fail(failures.get(i));
            } else {
                job.complete(first + i);
                after.submit(new Sent(job.item(), first + i, queues));
            }
        }
    }

    /**
     * After the send, once per container of the batch: the lease as it is now (a worker that let go
     * before the send is started again; one that lets go after it finds the message on its last
     * look, docs/decisions.md), output watching, then the QUEUED status of every command.
     */
    private void afterAll(List<Batcher.Job<Sent, Void>> jobs) {
        Map<ContainerKey, List<Sent>> byContainer = new LinkedHashMap<>();
        jobs.forEach(j -> byContainer.computeIfAbsent(j.item().command().containerKey(), k -> new ArrayList<>()).add(j.item()));
        byContainer.forEach((key, sent) -> {
            MDC.put("containerKey", key.value());
            try {
                outputs.watch(key, sent.get(0).queues().out());
                ContainerRecord container = containers.find(key).orElseThrow();
                boolean launched = starter.ensureStarted(key, container);
                sent.forEach(s -> dispatched(s.command(), s.sequence(), container, launched));
            } catch (RuntimeException e) {
                // The commands are queued; the next message (or the reaper) checks the worker again.
                LOG.warn("worker check after dispatching {} commands failed: {}", sent.size(), e.getMessage());
            } finally {
                MDC.remove("containerKey");
            }
        });
        queued.markAll(jobs.stream().map(j -> new CommandStore.Queued(j.item().command().commandId(), j.item().sequence()))
                .toList());
        jobs.forEach(j -> j.complete(null));
    }

    /**
     * A command is on its queue. {@code container} is the row as read after the send (lease,
     * running command); {@code launched} is whether this dispatch started a worker for it (true for
     * every command of the batch that did).
     */
    private void dispatched(CommandRecord command, long sequence, ContainerRecord container, boolean launched) {
        LOG.debug("command {} queued as {} of {}{}", command.commandId(), sequence, container.key(),
                launched ? " (worker launched)" : "");
    }

    /** Queue URLs never change once created: known ones are kept in memory. */
    private ContainerQueues queuesOf(ContainerKey key) {
        ContainerQueues known = knownQueues.get(key);
        if (known == null) {
            known = containers.find(key).map(ContainerRecord::queues).orElse(null);
        }
        if (known == null) {
            known = provisioner.ensure(key);
            containers.recordQueues(key, known);
        }
        knownQueues.put(key, known);
        return known;
    }

    @PreDestroy
    void close() {
        batcher.close();
        after.close();
        perContainer.shutdown();
    }
}
