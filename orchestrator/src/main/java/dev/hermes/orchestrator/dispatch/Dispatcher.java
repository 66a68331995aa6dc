package dev.hermes.orchestrator.dispatch;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.container.ContainerQueues;
import dev.hermes.orchestrator.container.ContainerRecord;
import dev.hermes.orchestrator.container.ContainerStarter;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.container.QueuesMissingException;
import dev.hermes.orchestrator.interrupt.InterruptSender;
import dev.hermes.orchestrator.reply.ReplyService;
import dev.hermes.orchestrator.result.OutputConsumer;
import dev.hermes.orchestrator.storage.Batcher;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.message.CommandMessage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
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
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Puts recorded commands on their containers' input queues and makes sure a worker will take them.
 * Commands dispatched at the same time travel together, per container, through three stages that
 * work at once on consecutive batches: queues and one block of sequence numbers; the FIFO sends in
 * sequence order (deduplicated on the command id), after which the caller returns; then, without
 * being waited for, the lease as it is after the send, a start if no worker holds it, and QUEUED.
 */
@Singleton
public class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_BATCH = 100;
    private static final Duration AFTER_LINGER = Duration.ofMillis(100);
    private final QueueProvisioner provisioner;
    private final ContainerStore containers;
    private final ContainerStarter starter;
    private final OutputConsumer outputs;
    private final SqsBatchSender sender;
    private final QueuedMarker queued;
    private final InterruptSender interrupts;
    private final ReplyService replies;
    private final Map<ContainerKey, ContainerQueues> knownQueues = new ConcurrentHashMap<>();
    private final Batcher<Pending, Long> batcher;
    private final Batcher<Numbered, Void> sends;
    private final Batcher<Sent, Void> after;
    private final ExecutorService perContainer = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "hermes-dispatch");
        t.setDaemon(true);
        return t;
    });

    public Dispatcher(QueueProvisioner provisioner, ContainerStore containers, ContainerStarter starter,
                      OutputConsumer outputs, SqsBatchSender sender, QueuedMarker queued, InterruptSender interrupts,
                      ReplyService replies, MeterRegistry meters) {
        this.provisioner = provisioner;
        this.containers = containers;
        this.starter = starter;
        this.outputs = outputs;
        this.sender = sender;
        this.queued = queued;
        this.interrupts = interrupts;
        this.replies = replies;
        this.batcher = new Batcher<>("dispatch-sequence", MAX_BATCH, this::sequenceAll, meters);
        this.sends = new Batcher<>("dispatch-send", MAX_BATCH, this::sendAll, meters);
        // After the answer nobody waits: a short linger gathers more commands per lease read and
        // status write, which leaves the emulators (and DynamoDB) more room for the answers.
        this.after = new Batcher<>("after-dispatch", MAX_BATCH, 1, AFTER_LINGER, this::afterAll, meters);
    }

    /** A command to dispatch once {@code durable} answers true (its record is written). */
    private record Pending(CommandRecord command, CompletableFuture<Boolean> durable) {
    }

    /** A command with the sequence number it is sent with, and its container's row as the number was taken. */
    private record Numbered(CommandRecord command, long sequence, ContainerQueues queues, ContainerRecord seen) {
    }

    /** A command on its queue; {@code launched} is null unless the worker was already checked before the answer. */
    private record Sent(Numbered numbered, Boolean launched) {
    }

    /** Returns once the recorded command is on its container's queue; answers its sequence number. */
    public long dispatch(CommandRecord command) {
        return batcher.await(new Pending(command, CompletableFuture.completedFuture(true)));
    }

    /**
     * Does not wait. The sequence number is taken while {@code durable} (the write of the command)
     * is still in flight, so the two requests overlap; the command is sent only if it answers true,
     * else its number is left unused and the result is -1.
     */
    public CompletableFuture<Long> submitWhenDurable(CommandRecord command, CompletableFuture<Boolean> durable) {
        return batcher.submit(new Pending(command, durable));
    }

    /** First stage: one block of sequence numbers per container, then on to the send stage in that order. */
    private void sequenceAll(List<Batcher.Job<Pending, Long>> jobs) {
        forEachContainer(jobs, j -> j.item().command().containerKey(), (key, group) -> {
            try {
                queuesOf(key);
                ContainerStore.Sequenced block = reserve(key, group.size());
                ContainerQueues queues = block.container().queues();
                long first = block.sequence() - group.size() + 1;
                for (int i = 0; i < group.size(); i++) {
                    Batcher.Job<Pending, Long> job = group.get(i);
                    long sequence = first + i;
                    if (!durable(job.item())) {
                        job.complete(-1L);
                        continue;
                    }
                    job.handOff();
                    sends.submit(new Numbered(job.item().command(), sequence, queues, block.container())).whenComplete((sent, failure) -> {
                        if (failure != null) {
                            job.fail(failure instanceof RuntimeException r ? r : new IllegalStateException(failure));
                        } else {
                            job.complete(sequence);
                        }
                    });
                }
            } catch (RuntimeException e) {
                LOG.warn("no sequence numbers for {} commands of {}: {}", group.size(), key, e.getMessage());
                group.forEach(j -> j.fail(e));
            }
        });
    }

    /** The block of sequence numbers; when cleanup deleted the queues of a long-COLD container, they are created again. */
    private ContainerStore.Sequenced reserve(ContainerKey key, int count) {
        try {
            return containers.reserveSequences(key, count);
        } catch (QueuesMissingException e) {
            knownQueues.remove(key);
            queuesOf(key);
            return containers.reserveSequences(key, count);
        }
    }

    /** Waits for the command's write: the next one in this container's order cannot go before it. */
    private static boolean durable(Pending pending) {
        try {
            return Batcher.await(pending.durable(), "intake commit");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Second stage: the FIFO sends, per container in sequence order (both stages keep the order in
     * which they were fed, so sequence order is queue order). A failed entry fails its command only.
     */
    private void sendAll(List<Batcher.Job<Numbered, Void>> jobs) {
        forEachContainer(jobs, j -> j.item().command().containerKey(), (key, group) -> {
            List<CommandMessage> messages = group.stream().map(j -> message(j.item())).toList();
            List<RuntimeException> failures = sender.send(group.get(0).item().queues().in(), key.value(), messages);
            Boolean launched = null;
            ContainerRecord seen = group.get(0).item().seen();
            if (failures.stream().anyMatch(f -> f == null) && !starter.holdsLease(seen)) {
                // No worker: start one before answering, so a crash after the answer cannot leave
                // the commands waiting on a queue that nobody reads.
                launched = starter.ensureStarted(key, seen);
            }
            for (int i = 0; i < group.size(); i++) {
                if (failures.get(i) != null) {
                    group.get(i).fail(failures.get(i));
                } else {
                    group.get(i).complete(null);
                    // A command of this container is running (as the row read with the sequence numbers says): stop it.
                    interrupts.interruptRunning(group.get(i).item().command(), seen, group.get(i).item().queues());
                    after.submit(new Sent(group.get(i).item(), launched));
                }
            }
        });
    }

    private static CommandMessage message(Numbered n) {
        CommandRecord c = n.command();
        return CommandMessage.of(c.commandId(), c.threadId(), c.containerKey(), n.sequence(), c.channel(), c.title(),
                c.instruction(), Instant.ofEpochMilli(c.createdAt()));
    }

    /** Runs {@code work} once per container of the batch (in arrival order within it), containers in parallel. */
    private <J> void forEachContainer(List<J> jobs, Function<J, ContainerKey> keyOf, BiConsumer<ContainerKey, List<J>> work) {
        Map<ContainerKey, List<J>> byContainer = new LinkedHashMap<>();
        jobs.forEach(j -> byContainer.computeIfAbsent(keyOf.apply(j), k -> new ArrayList<>()).add(j));
        List<Future<?>> running = new ArrayList<>();
        byContainer.forEach((key, group) -> {
            Runnable task = () -> {
                MDC.put("containerKey", key.value());
                try {
                    work.accept(key, group);
                } finally {
                    MDC.remove("containerKey");
                }
            };
            if (byContainer.size() == 1) {
                task.run();
            } else {
                running.add(perContainer.submit(task));
            }
        });
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                LOG.error("a container's part of a dispatch batch did not finish", e);
            }
        }
    }

    /**
     * After the send, once per container of the batch: the lease as it is now (a worker that let go
     * before the send is started again; one that lets go after it finds the message on its last
     * look, docs/decisions.md), output watching, then the QUEUED status of every command.
     */
    private void afterAll(List<Batcher.Job<Sent, Void>> jobs) {
        forEachContainer(jobs, j -> j.item().numbered().command().containerKey(), (key, sent) -> {
            try {
                outputs.watch(key, sent.get(0).item().numbered().queues().out());
                ContainerRecord container = containers.find(key).orElseThrow();
                boolean launched = sent.stream().anyMatch(s -> Boolean.TRUE.equals(s.item().launched()))
                        || (sent.stream().anyMatch(s -> s.item().launched() == null) && starter.ensureStarted(key, container));
                sent.forEach(s -> dispatched(s.item().numbered().command(), s.item().numbered().sequence(), container,
                        launched));
            } catch (RuntimeException e) {
                // The commands are queued; the next message (or the reaper) checks the worker again.
                LOG.warn("worker check after dispatching {} commands failed: {}", sent.size(), e.getMessage());
            }
        });
        queued.markAll(jobs.stream().map(j -> new CommandStore.Queued(j.item().numbered().command().commandId(),
                j.item().numbered().sequence())).toList());
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
        if (launched) {
            replies.acknowledgeStart(command); // a cold start: "starting your workspace…"
        }
    }

    /** Queue URLs never change while they exist: known ones are kept in memory. */
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
        sends.close();
        after.close();
        perContainer.shutdown();
    }
}
