package dev.hermes.orchestrator.reply;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.thread.ThreadStore;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.ReplyStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every reply a command earns, on the channel it came from, through the outbox: composed, recorded
 * (an email's Message-ID first becomes a key of its thread, so an answer can never outrun it), then
 * handed to {@link ReplyDelivery}. Reply ids are fixed per purpose ({@code r-{commandId}} for the
 * result, {@code a-{commandId}} for the acknowledgement), so a result delivered twice finds its reply
 * recorded and nothing is sent twice. Returning means the reply is durable, not that it was sent.
 */
@Singleton
public class ReplyService {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyService.class);
    private final ReplyComposer composer;
    private final OutboxStore outbox;
    private final ThreadStore threads;
    private final CommandStore commands;
    private final ReplyDelivery delivery;
    private final ColdStartConfig coldStart;
    private final Clock clock;

    public ReplyService(ReplyComposer composer, OutboxStore outbox, ThreadStore threads, CommandStore commands,
                        ReplyDelivery delivery, ColdStartConfig coldStart, Clock clock) {
        this.composer = composer;
        this.outbox = outbox;
        this.threads = threads;
        this.commands = commands;
        this.delivery = delivery;
        this.coldStart = coldStart;
        this.clock = clock;
    }

    public static String resultReplyId(String commandId) {
        return "r-" + commandId;
    }

    public static String replyIdFor(CommandRecord command) {
        return resultReplyId(command.commandId().value());
    }

    /** The result: status, summary, branch, commit and files; a short notice when the command did not succeed. */
    public void replyTo(CommandRecord command, ResultMessage result) {
        String replyId = replyIdFor(command);
        record(composer.compose(replyId, command, ReplyContent.result(result)));
        commands.recordReply(command.commandId(), replyId);
    }

    /**
     * "Starting your workspace…" for a command whose worker had to be started, when configured.
     * Never throws: the command is already durable and queued, and an acknowledgement is a courtesy.
     */
    public void acknowledgeStart(CommandRecord command) {
        if (!coldStart.enabled()) {
            return;
        }
        try {
            record(composer.compose("a-" + command.commandId().value(), command, ReplyContent.coldStart(coldStart.text())));
        } catch (RuntimeException e) {
            LOG.warn("cold-start acknowledgement for command {} not recorded: {}", command.commandId(), e.toString());
        }
    }

    /**
     * The one "could not be processed" notice for a dead-lettered command, under the caller's reply id
     * (not the result's, so a result after a later redrive is still answered); {@code account} says
     * how often it was tried and how the last attempt ended.
     */
    public void couldNotProcess(CommandRecord command, String replyId, String account) {
        record(composer.compose(replyId, command, ReplyContent.couldNotProcess(account, command.branch())));
        commands.recordReply(command.commandId(), replyId);
    }

    private void record(Reply reply) {
        if (reply.channel() == Channel.EMAIL) {
            threads.recordKey(reply.attribute(ReplyAttributes.MESSAGE_ID), reply.threadId());
        }
        // A chat conversation without a callback URL has nowhere to receive it: kept, readable in the API.
        boolean held = reply.channel() == Channel.CHAT && reply.attribute(ReplyAttributes.CHAT_CALLBACK) == null;
        ReplyStatus status = held ? ReplyStatus.HELD : ReplyStatus.PENDING;
        if (outbox.record(reply, status, clock.millis())) {
            LOG.info("recorded {} {} reply {} as {}{}", reply.channel(), reply.kind(), reply.replyId(), status,
                    delivery.hasSender(reply.channel()) || held ? "" : " (no sender configured for the channel)");
        }
        if (!held) {
            delivery.submit(reply.channel(), reply.replyId());
        }
    }
}
