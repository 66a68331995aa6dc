package dev.hermes.worker;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.MalformedMessageException;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.message.ProgressMessage;
import dev.hermes.worker.agent.StopReason;
import dev.hermes.worker.agent.StopSignal;
import dev.hermes.worker.lease.LeaseKeeper;
import dev.hermes.worker.poll.InputQueue;
import dev.hermes.worker.poll.MessageHandler;
import dev.hermes.worker.poll.ReceivedMessage;
import dev.hermes.worker.poll.VisibilityExtender;
import dev.hermes.worker.result.CommandOutcome;
import dev.hermes.worker.result.CommandRecord;
import dev.hermes.worker.result.CommandStateConflictException;
import dev.hermes.worker.result.CommandStore;
import dev.hermes.worker.result.OutQueue;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One command message, start to end: decode; skip (re-publishing the stored result) when the command
 * already ended; mark it RUNNING fenced by the lease; do the work; write the outcome fenced; publish
 * the result; and only then delete the message. A message it cannot act on is left for redelivery
 * (and, after three receives, the DLQ).
 */
public final class CommandProcessor implements MessageHandler {
    private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);

    private final ContainerKey containerKey;
    private final MessageCodec codec;
    private final InputQueue in;
    private final OutQueue out;
    private final CommandStore commands;
    private final LeaseKeeper lease;
    private final CommandWork work;
    private final VisibilityExtender visibility;
    private final Clock clock;
    private final AtomicReference<Running> running = new AtomicReference<>();

    CommandProcessor(ContainerKey containerKey, MessageCodec codec, InputQueue in, OutQueue out, CommandStore commands,
                     LeaseKeeper lease, CommandWork work, VisibilityExtender visibility, Clock clock) {
        this.containerKey = containerKey;
        this.codec = codec;
        this.in = in;
        this.out = out;
        this.commands = commands;
        this.lease = lease;
        this.work = work;
        this.visibility = visibility;
        this.clock = clock;
    }

    @Override
    public void handle(ReceivedMessage message) {
        try (VisibilityExtender.Extension ignored = visibility.extend(message)) {
            Optional<CommandMessage> command = decode(message);
            if (command.isEmpty()) {
                return;
            }
            MDC.put("commandId", command.get().commandId().value());
            MDC.put("threadId", command.get().threadId().value());
            try {
                process(message, command.get());
            } finally {
                MDC.remove("commandId");
                MDC.remove("threadId");
            }
        }
    }

    /**
     * Stops {@code target} if it is the command running now. The seam for interrupts from the control
     * queue. @return false when {@code target} is not running
     */
    public boolean stop(CommandId target, StopReason reason) {
        Running now = running.get();
        return now != null && now.commandId().equals(target) && now.signal().stop(reason);
    }

    /** Stops whatever command is running, if any. */
    public void stopRunning(StopReason reason) {
        Running now = running.get();
        if (now != null) {
            now.signal().stop(reason);
        }
    }

    private void process(ReceivedMessage message, CommandMessage command) {
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
            republish(record, message);
            return;
        }
        StopSignal signal = new StopSignal();
        running.set(new Running(id, signal));
        try {
            try {
                commands.markRunning(id, lease.current(), clock.instant());
            } catch (CommandStateConflictException e) {
                settleConflict(e, message);
                return;
            }
            log.info("command running (receive {}): instruction {} chars", message.receiveCount(),
                    command.instruction().length());
            out.publish(ProgressMessage.of(id, command.threadId(), containerKey, "started", clock.instant()));
            CommandOutcome outcome = work.perform(command, signal);
            try {
                commands.finish(id, lease.current(), outcome);
            } catch (CommandStateConflictException e) {
                settleConflict(e, message);
                return;
            }
            out.publish(outcome.toResult(id, command.threadId(), containerKey));
            in.delete(message);
            log.info("command {}: {} file(s) changed, commit {}", outcome.status(), outcome.filesChanged().size(),
                    outcome.commitSha());
        } finally {
            running.set(null);
        }
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

    /** A status write found the command moved: when it ended meanwhile, its result is published again. */
    private void settleConflict(CommandStateConflictException conflict, ReceivedMessage message) {
        Optional<CommandRecord> now = commands.find(conflict.commandId());
        if (now.isPresent() && now.get().status().isTerminal()) {
            republish(now.get(), message);
        } else {
            log.warn("{} (now {}); leaving message {}", conflict.getMessage(),
                    now.map(r -> r.status().name()).orElse("missing"), message.messageId());
        }
    }

    private void republish(CommandRecord record, ReceivedMessage message) {
        out.publish(record.toResult(clock.instant()));
        in.delete(message);
        log.info("command already {}: result published again, message {} deleted", record.status(),
                message.messageId());
    }

    private record Running(CommandId commandId, StopSignal signal) {
    }
}
