package dev.hermes.orchestrator.deadletter;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.metrics.MetricTags;
import dev.hermes.orchestrator.reply.ReplyService;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.MalformedMessageException;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.naming.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One message from a container's DLQ: the command is marked DEAD_LETTERED (conditional, idempotent)
 * and its sender gets one reply saying it could not be processed, under its own reply id
 * {@code d-{commandId}} so that a result after a later redrive is still answered. The caller deletes the
 * DLQ message only when this returns {@link Verdict#DELETE}, i.e. once the mark and the reply are durable.
 */
@Singleton
public class DeadLetterHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    /** What to do with the DLQ message. */
    public enum Verdict {
        /** Its effect is durable (or it needs none): delete it. */
        DELETE,
        /** Nothing can act on it (unreadable, no such command): leave it in the DLQ for an operator. */
        KEEP
    }

    private final MessageCodec codec;
    private final DeadLetterStore store;
    private final CommandStore commands;
    private final ReplyService replies;
    private final MeterRegistry meters;
    private final Clock clock;

    public DeadLetterHandler(MessageCodec codec, DeadLetterStore store, CommandStore commands, ReplyService replies,
                             MeterRegistry meters, Clock clock) {
        this.codec = codec;
        this.store = store;
        this.commands = commands;
        this.replies = replies;
        this.meters = meters;
        this.clock = clock;
    }

    public static String replyIdFor(CommandRecord command) {
        return "d-" + command.commandId().value();
    }

    /** @throws RuntimeException when the mark or the reply failed; the message is then left to come back */
    public Verdict handle(ContainerKey container, String body) {
        CommandMessage message;
        try {
            message = codec.decode(body, CommandMessage.class);
        } catch (MalformedMessageException e) {
            LOG.error("unreadable message in the DLQ of {} ({} chars): {}; left for an operator", container,
                    body.length(), e.getMessage());
            return Verdict.KEEP;
        }
        MDC.put("commandId", message.commandId().value());
        MDC.put("threadId", message.threadId().value());
        try {
            return deadLetter(message);
        } finally {
            MDC.remove("commandId");
            MDC.remove("threadId");
        }
    }

    private Verdict deadLetter(CommandMessage message) {
        DeadLetterStore.Mark mark = store.markDeadLettered(message.commandId(), clock.millis());
        switch (mark.outcome()) {
            case MISSING -> {
                LOG.error("DLQ message for unknown command {}; left for an operator", message.commandId());
                return Verdict.KEEP;
            }
            case ENDED -> {
                LOG.info("DLQ message for command {}, which has ended; dropped", message.commandId());
                return Verdict.DELETE;
            }
            case MARKED -> {
                LOG.warn("command {} dead-lettered after {} attempt(s): {}", message.commandId(), mark.attempts(),
                        mark.lastError());
                meters.counter(MetricNames.COMMANDS_DEAD_LETTERED, MetricNames.TAG_CHANNEL,
                        MetricTags.channel(message.channel())).increment();
            }
            case ALREADY -> LOG.info("command {} was dead-lettered already; making sure its reply went out",
                    message.commandId());
        }
        CommandRecord command = commands.find(message.commandId()).orElseThrow(
                () -> new IllegalStateException("command " + message.commandId() + " vanished"));
        replies.couldNotProcess(command, replyIdFor(command), account(mark));
        return Verdict.DELETE;
    }

    private static String account(DeadLetterStore.Mark mark) {
        String tries = mark.attempts() == 1 ? "once" : mark.attempts() + " times";
        return "Hermes tried " + tries + " and could not process this message."
                + (mark.lastError() == null ? "" : " The last attempt ended with: " + mark.lastError());
    }
}
