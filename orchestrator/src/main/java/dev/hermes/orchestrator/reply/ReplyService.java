package dev.hermes.orchestrator.reply;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.thread.ThreadStore;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.state.Channel;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the one reply a command earns, through the outbox: recorded PENDING first, sent, then
 * marked SENT and its Message-ID recorded as a key of the thread. A result delivered twice finds the
 * reply SENT and sends nothing.
 */
@Singleton
public class ReplyService {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyService.class);
    private final ReplyComposer composer;
    private final ReplySender sender;
    private final OutboxStore outbox;
    private final ThreadStore threads;
    private final CommandStore commands;
    private final Clock clock;

    public ReplyService(ReplyComposer composer, ReplySender sender, OutboxStore outbox, ThreadStore threads,
                        CommandStore commands, Clock clock) {
        this.composer = composer;
        this.sender = sender;
        this.outbox = outbox;
        this.threads = threads;
        this.commands = commands;
        this.clock = clock;
    }

    public static String replyIdFor(CommandRecord command) {
        return "r-" + command.commandId().value();
    }

    public void replyTo(CommandRecord command, ResultMessage result) {
        replyTo(command, result, replyIdFor(command));
    }

    /** The same, under its own reply id (a dead-letter notice, which a later result must not suppress). */
    public void replyTo(CommandRecord command, ResultMessage result, String replyId) {
        Optional<OutboxEntry> existing = outbox.find(replyId);
        if (existing.isPresent() && existing.get().status() == OutboxEntry.Status.SENT) {
            LOG.debug("reply {} already sent", replyId);
            return;
        }
        OutgoingEmail email = composer.compose(replyId, command, result);
        // The reply's Message-ID belongs to the thread before it leaves: an answer can never outrun it.
        threads.recordKey(email.messageId(), command.threadId());
        outbox.putPending(new OutboxEntry(replyId, command.commandId().value(), command.threadId().value(),
                command.channel(), email.to(), email.subject(), email.text(), email.messageId(),
                OutboxEntry.Status.PENDING, 0, null, null, clock.millis()));
        if (command.channel() != Channel.EMAIL) {
            // SMS and chat senders come with their providers; until then the reply waits in the outbox.
            LOG.info("recorded {} reply {} in the outbox ({} chars)", command.channel(), replyId, email.text().length());
            return;
        }
        try {
            String providerId = sender.send(email);
            outbox.markSent(replyId, providerId);
            commands.recordReply(command.commandId(), replyId);
            LOG.info("sent reply {} ({} chars)", replyId, email.text().length());
        } catch (ReplyFailedException e) {
            outbox.markAttemptFailed(replyId, e.getMessage());
            throw e;
        }
    }
}
