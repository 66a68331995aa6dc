package dev.hermes.orchestrator.result;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.reply.ReplyService;
import dev.hermes.protocol.message.MalformedMessageException;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.message.ProgressMessage;
import dev.hermes.protocol.message.QueueMessage;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.message.WorkerEventMessage;
import dev.hermes.orchestrator.metrics.WorkerReportMetrics;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies one message from a container's {@code -out} queue: a result updates the command and
 * records its reply in the outbox, which sends it. Returning means both are durable, so the message
 * may be deleted. Idempotent: a redelivered result changes nothing and sends nothing twice.
 */
@Singleton
public class OutputHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OutputHandler.class);
    private final MessageCodec codec;
    private final CommandStore commands;
    private final ReplyService replies;
    private final WorkerReportMetrics metrics;

    public OutputHandler(MessageCodec codec, CommandStore commands, ReplyService replies, WorkerReportMetrics metrics) {
        this.codec = codec;
        this.commands = commands;
        this.replies = replies;
        this.metrics = metrics;
    }

    public void handle(String body) {
        QueueMessage message;
        try {
            message = codec.decode(body);
        } catch (MalformedMessageException e) {
            // Nothing can ever read it; dropping it is the only way it stops coming back.
            LOG.error("dropped unreadable output message ({} chars): {}", body.length(), e.getMessage());
            return;
        }
        if (message instanceof ResultMessage result) {
            apply(result);
        } else if (message instanceof ProgressMessage progress) {
            LOG.info("command {} {}", progress.commandId(), progress.stage());
            metrics.progress(progress);
        } else if (message instanceof WorkerEventMessage event) {
            LOG.debug("worker of {} reports {}", event.containerKey(), event.event());
            metrics.event(event);
        } else {
            LOG.warn("ignored a {} on an output queue", message.getClass().getSimpleName());
        }
    }

    private void apply(ResultMessage result) {
        MDC.put("commandId", result.commandId().value());
        MDC.put("threadId", result.threadId().value());
        try {
            CommandStore.Applied applied = commands.applyResult(result);
            if (applied == CommandStore.Applied.CONFLICT) {
                LOG.warn("result {} for command {} conflicts with its recorded status; not applied",
                        result.status(), result.commandId());
                return;
            }
            if (applied == CommandStore.Applied.FIRST) {
                metrics.resultApplied(result);
            }
            CommandRecord command = commands.find(result.commandId()).orElseThrow(
                    () -> new IllegalStateException("result for unknown command " + result.commandId()));
            replies.replyTo(command, result);
        } finally {
            MDC.remove("commandId");
            MDC.remove("threadId");
        }
    }
}
