package dev.hermes.worker;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.message.ProgressMessage;
import dev.hermes.worker.lease.LeaseKeeper;
import dev.hermes.worker.poll.InputQueue;
import dev.hermes.worker.poll.ReceivedMessage;
import dev.hermes.worker.result.CommandOutcome;
import dev.hermes.worker.result.CommandRecord;
import dev.hermes.worker.result.CommandStateConflictException;
import dev.hermes.worker.result.CommandStore;
import dev.hermes.worker.result.OutQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an attempt's outcome durable, in the order that keeps every step safe to repeat: the fenced
 * status write first (a worker without the lease stops there), then the queues, and the input message
 * is deleted last, only once its effect is durable.
 */
final class OutcomeWriter {
    private static final Logger log = LoggerFactory.getLogger(OutcomeWriter.class);

    private final ContainerKey containerKey;
    private final MessageCodec codec;
    private final InputQueue in;
    private final OutQueue out;
    private final CommandStore commands;
    private final LeaseKeeper lease;
    private final Duration retryBackoff;
    private final Executor background;
    private final Clock clock;

    OutcomeWriter(ContainerKey containerKey, MessageCodec codec, InputQueue in, OutQueue out, CommandStore commands,
                  LeaseKeeper lease, Duration retryBackoff, Executor background, Clock clock) {
        this.containerKey = containerKey;
        this.codec = codec;
        this.in = in;
        this.out = out;
        this.commands = commands;
        this.lease = lease;
        this.retryBackoff = retryBackoff;
        this.background = background;
        this.clock = clock;
    }

    /** @param runningNanos {@link System#nanoTime()} when the command's RUNNING write returned */
    void settle(WorkOutcome outcome, CommandMessage command, ReceivedMessage message, long attempt, long runningNanos) {
        CommandId id = command.commandId();
        try {
            if (outcome instanceof WorkOutcome.Finished finished) {
                finish(command, message, finished.outcome(), runningNanos);
            } else if (outcome instanceof WorkOutcome.Retry retry) {
                commands.requeue(id, lease.current(), clock.instant(), retry.reason(), null);
                in.extendVisibility(message, retryBackoff);
                log.warn("attempt {} did not finish: {}; next try in {} s (receive {})", attempt, retry.reason(),
                        retryBackoff.toSeconds(), message.receiveCount());
            } else if (outcome instanceof WorkOutcome.Resume resume) {
                commands.requeue(id, lease.current(), clock.instant(), null, resume.by());
                // Behind the command that preempted it; the id is new for every attempt, the same on a repeat.
                in.send(codec.encode(command), id.value() + "-resume-" + attempt);
                in.delete(message);
                log.info("preempted by {}: work in progress saved, re-enqueued to resume", resume.by());
            } else if (outcome instanceof WorkOutcome.PutBack putBack) {
                commands.requeue(id, lease.current(), clock.instant(), putBack.reason(), null);
                in.returnToQueue(message);
                log.info("{}: command put back on the queue", putBack.reason());
            } else if (outcome instanceof WorkOutcome.Abandoned abandoned) {
                log.warn("{}: writing nothing; message {} returns to the next lease holder", abandoned.reason(),
                        message.messageId());
            }
        } catch (CommandStateConflictException e) {
            settleConflict(e, message);
        }
    }

    /** Progress is informational: published off the command's path, and a failure only logged. */
    void progressLater(ProgressMessage message) {
        background.execute(() -> {
            try {
                out.publish(message);
            } catch (RuntimeException e) {
                log.warn("could not publish progress {} of {}: {}", message.stage(), message.commandId(), e.toString());
            }
        });
    }

    /** A status write found the command moved: when it ended meanwhile, its result is published again. */
    void settleConflict(CommandStateConflictException conflict, ReceivedMessage message) {
        Optional<CommandRecord> now = commands.find(conflict.commandId());
        if (now.isPresent() && now.get().status().isTerminal()) {
            republish(now.get(), message);
        } else {
            log.warn("{} (now {}); leaving message {}", conflict.getMessage(),
                    now.map(r -> r.status().name()).orElse("missing"), message.messageId());
        }
    }

    void republish(CommandRecord record, ReceivedMessage message) {
        out.publish(record.toResult(clock.instant()));
        in.delete(message);
        log.info("command already {}: result published again, message {} deleted", record.status(),
                message.messageId());
    }

    private void finish(CommandMessage command, ReceivedMessage message, CommandOutcome outcome, long runningNanos) {
        commands.finish(command.commandId(), lease.current(), outcome);
        long durationMillis = Math.max(0, (System.nanoTime() - runningNanos) / 1_000_000);
        out.publish(outcome.toResult(command.commandId(), command.threadId(), containerKey).withDuration(durationMillis));
        in.delete(message);
        log.info("command {}: {} file(s) changed, commit {}", outcome.status(), outcome.filesChanged().size(),
                outcome.commitSha());
    }
}
