package dev.hermes.worker;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.MalformedMessageException;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.message.ProgressMessage;
import dev.hermes.protocol.state.InterruptKind;
import dev.hermes.protocol.state.InterruptOutcome;
import dev.hermes.worker.agent.StopReason;
import dev.hermes.worker.agent.StopSignal;
import dev.hermes.worker.interrupt.InterruptTarget;
import dev.hermes.worker.lease.LeaseKeeper;
import dev.hermes.worker.poll.InputQueue;
import dev.hermes.worker.poll.MessageHandler;
import dev.hermes.worker.poll.ReceivedMessage;
import dev.hermes.worker.poll.VisibilityExtender;
import dev.hermes.worker.result.CommandRecord;
import dev.hermes.worker.result.CommandStateConflictException;
import dev.hermes.worker.result.CommandStore;
import dev.hermes.worker.result.OutQueue;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One command message, start to end: decode; skip (re-publishing the stored result) when the command
 * already ended; mark it RUNNING fenced by the lease; do the work; settle the outcome (see
 * {@link OutcomeWriter}). A message it cannot act on is left for redelivery (and, after three
 * receives, the DLQ). Interrupts from the control queue reach the running command through
 * {@link #interrupt}.
 */
public final class CommandProcessor implements MessageHandler, InterruptTarget {
    private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);

    private final ContainerKey containerKey;
    private final MessageCodec codec;
    private final InputQueue in;
    private final CommandStore commands;
    private final LeaseKeeper lease;
    private final CommandWork work;
    private final VisibilityExtender visibility;
    private final OutcomeWriter writer;
    private final Clock clock;
    private final AtomicReference<Running> running = new AtomicReference<>();
    private final Executor preparer;

    CommandProcessor(ContainerKey containerKey, MessageCodec codec, InputQueue in, OutQueue out, CommandStore commands,
                     LeaseKeeper lease, CommandWork work, VisibilityExtender visibility, WorkerTimings timings,
                     Executor background, Clock clock) {
        this.containerKey = containerKey;
        this.codec = codec;
        this.in = in;
        this.commands = commands;
        this.lease = lease;
        this.work = work;
        this.visibility = visibility;
        this.writer = new OutcomeWriter(containerKey, codec, in, out, commands, lease, timings.retryBackoff(),
                background, clock);
        this.preparer = background;
        this.clock = clock;
    }

    @Override
    public void handle(ReceivedMessage message) {
        VisibilityExtender.Extension extension = visibility.extend(message);
        try {
            Optional<CommandMessage> command = decode(message);
            if (command.isEmpty()) {
                return;
            }
            MDC.put("commandId", command.get().commandId().value());
            MDC.put("threadId", command.get().threadId().value());
            try {
                process(message, command.get(), extension);
            } finally {
                MDC.remove("commandId");
                MDC.remove("threadId");
            }
        } finally {
            extension.close();
        }
    }

    /**
     * Stops {@code target} if it is the command running now, because {@code by} arrived. @return a future
     * that completes once the target's outcome is settled (at once when it is not running: ignored)
     */
    @Override
    public CompletableFuture<InterruptOutcome> interrupt(CommandId target, InterruptKind kind, CommandId by) {
        Running now = running.get();
        if (now == null || !now.commandId().equals(target)) {
            return CompletableFuture.completedFuture(InterruptOutcome.IGNORED);
        }
        StopReason reason = kind == InterruptKind.SUPERSEDE ? StopReason.SUPERSEDED : StopReason.PREEMPTED;
        boolean stopping = now.signal().stop(reason, by);
        if (stopping) {
            log.info("interrupting command {}: {} by {}", target, kind, by);
        }
        InterruptOutcome outcome = stopping ? InterruptOutcome.of(kind) : InterruptOutcome.IGNORED;
        return now.done().thenApply(settled -> outcome);
    }

    /** Stops whatever command is running, if any. */
    public void stopRunning(StopReason reason) {
        Running now = running.get();
        if (now != null) {
            now.signal().stop(reason);
        }
    }

    private void process(ReceivedMessage message, CommandMessage command, VisibilityExtender.Extension extension) {
        CommandId id = command.commandId();
        Optional<CommandRecord> stored = commands.find(id);
        if (stored.isEmpty()) {
            log.warn("command has no item; leaving message {} for redelivery", message.messageId());
            return;
        }
        CommandRecord record = stored.get();
        if (!record.containerKey().equals(containerKey) || !record.threadId().equals(command.threadId())) {
            log.error("command item belongs to {} / {}; leaving message {}", record.containerKey(), record.threadId(),
                    message.messageId());
            return;
        }
        if (record.status().isTerminal()) {
            writer.republish(record, message);
            return;
        }
        long attempt = record.attempts() + 1;
        Running run = new Running(id, new StopSignal(), new CompletableFuture<>());
        running.set(run);
        // The worktree is made ready while the status is written: neither waits for the other.
        CompletableFuture<CommandWork.Prepared> prepared = CompletableFuture.supplyAsync(
                () -> work.prepare(command), preparer);
        try {
            try {
                commands.markRunning(id, command.threadId(), lease.current(), clock.instant());
            } catch (CommandStateConflictException e) {
                prepared.join();
                writer.settleConflict(e, message);
                return;
            } catch (RuntimeException e) {
                prepared.join();
                throw e;
            }
            long runningNanos = System.nanoTime();
            log.info("command running (attempt {}, receive {}): instruction {} chars", attempt,
                    message.receiveCount(), command.instruction().length());
            writer.progressLater(ProgressMessage.of(id, command.threadId(), containerKey, "started", clock.instant())
                    .withQueueWait(queueWait(message)));
            WorkOutcome outcome = work.perform(command, prepared.join(), run.signal(), attempt);
            extension.close();
            writer.settle(outcome, command, message, attempt, runningNanos);
        } finally {
            running.set(null);
            run.done().complete(null);
        }
    }

    /**
     * Sent to RUNNING: SQS's time before the first receive plus this worker's since the receive. Known
     * for a first delivery only (a redelivery's earlier receives are not accounted for).
     */
    private static Long queueWait(ReceivedMessage message) {
        if (message.receiveCount() != 1 || message.queueMillis() < 0) {
            return null;
        }
        return message.queueMillis() + message.millisSinceReceived();
    }

    /**
     * A message that cannot be a command of this container is poison: it goes back to the queue at
     * once, so that redrive moves it to the DLQ after three receives instead of holding up the FIFO group.
     */
    private Optional<CommandMessage> decode(ReceivedMessage message) {
        try {
            CommandMessage command = codec.decode(message.body(), CommandMessage.class);
            if (command.containerKey().equals(containerKey)) {
                return Optional.of(command);
            }
            log.error("message {} on {} is for container {}; leaving it for the DLQ", message.messageId(), in.name(),
                    command.containerKey());
        } catch (MalformedMessageException e) {
            String reason = e.getMessage().length() <= 160 ? e.getMessage() : e.getMessage().substring(0, 160) + "…";
            log.warn("message {} on {} ({} bytes, receive {}) is malformed: {}; leaving it for the DLQ",
                    message.messageId(), in.name(), message.body().length(), message.receiveCount(), reason);
        }
        in.returnToQueue(message);
        return Optional.empty();
    }

    private record Running(CommandId commandId, StopSignal signal, CompletableFuture<Void> done) {
    }
}
