package dev.hermes.orchestrator.reply;

import dev.hermes.orchestrator.metrics.MetricTags;
import dev.hermes.orchestrator.thread.ThreadStore;
import dev.hermes.protocol.naming.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import dev.hermes.protocol.state.ReplyStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One attempt at one reply: claim it (so no other attempt holds it), send it, record the outcome.
 * A provider that took it makes it SENT; a final refusal or the last allowed attempt makes it
 * FAILED; anything else leaves it PENDING, due again after the backoff (or the provider's
 * Retry-After). A crash between the provider's acceptance and the SENT write sends it again once the
 * claim expires: delivery is at least once.
 */
@Singleton
public class DeliveryAttempt {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempt.class);
    private final OutboxStore outbox;
    private final ThreadStore threads;
    private final Clock clock;
    private final long claimMillis;
    private final Random random = new Random();
    private final MeterRegistry meters;

    public DeliveryAttempt(OutboxStore outbox, ThreadStore threads, Clock clock, ReplyConfig config, MeterRegistry meters) {
        this.meters = meters;
        this.outbox = outbox;
        this.threads = threads;
        this.clock = clock;
        this.claimMillis = config.claimTimeout().toMillis();
    }

    public void run(ReplySender sender, String replyId) {
        long now = clock.millis();
        String token = UUID.randomUUID().toString();
        OutboxEntry entry = outbox.claim(replyId, token, now, now + claimMillis).orElse(null);
        if (entry == null) {
            return; // not due yet, finished, or held by another attempt
        }
        Reply reply = entry.reply();
        MDC.put("replyId", replyId);
        MDC.put("threadId", reply.threadId().value());
        if (reply.commandId() != null) {
            MDC.put("commandId", reply.commandId());
        }
        try {
            if (reply.kind() == Reply.Kind.ACK && outbox.find(ReplyService.resultReplyId(reply.commandId())).isPresent()) {
                outbox.finish(replyId, token, ReplyStatus.SKIPPED, "the result reply was recorded first", clock.millis());
                LOG.info("skipped acknowledgement {}: the result went first", replyId);
                return;
            }
            Accepted accepted;
            try {
                accepted = sender.send(reply);
            } catch (ReplyFailedException e) {
                failed(sender, entry, token, e);
                return;
            } catch (RuntimeException e) {
                failed(sender, entry, token, ReplyFailedException.retryable(e.toString(), e));
                return;
            }
            sent(entry, accepted);
        } finally {
            MDC.remove("replyId");
            MDC.remove("threadId");
            MDC.remove("commandId");
        }
    }

    private void sent(OutboxEntry entry, Accepted accepted) {
        Reply reply = entry.reply();
        meters.counter(MetricNames.REPLIES_SENT, MetricNames.TAG_CHANNEL, MetricTags.channel(reply.channel())).increment();
        try {
            outbox.markSent(reply.replyId(), accepted.providerMessageId(), clock.millis());
        } catch (RuntimeException e) {
            // The provider has it; the claim expires and it is sent again: the at-least-once window.
            LOG.error("{} reply {} was accepted as {} but not marked SENT: {}", reply.channel(), reply.replyId(),
                    accepted.providerMessageId(), e.toString());
            return;
        }
        for (String key : accepted.threadKeys()) {
            try {
                threads.recordKey(key, reply.threadId());
            } catch (RuntimeException e) {
                // Answers still find the thread by plus-address, our own Message-ID and the token.
                LOG.warn("reply {} sent, but thread key {} not recorded: {}", reply.replyId(), key, e.toString());
            }
        }
        LOG.info("sent {} reply {} on attempt {} ({} chars)", reply.channel(), reply.replyId(), entry.attempts(),
                reply.text().length());
    }

    private void failed(ReplySender sender, OutboxEntry entry, String token, ReplyFailedException e) {
        RetryPolicy policy = sender.retryPolicy();
        String replyId = entry.replyId();
        long now = clock.millis();
        if (!e.retryable() || entry.attempts() >= policy.maxAttempts()) {
            outbox.finish(replyId, token, ReplyStatus.FAILED, e.getMessage(), now);
            meters.counter(MetricNames.REPLIES_FAILED, MetricNames.TAG_CHANNEL, MetricTags.channel(entry.reply().channel()))
                    .increment();
            LOG.warn("{} reply {} FAILED after {} attempt(s): {}", entry.reply().channel(), replyId, entry.attempts(),
                    e.getMessage());
            return;
        }
        long wait = Math.max(policy.delayAfter(entry.attempts(), random).toMillis(), e.retryAfter().toMillis());
        outbox.retryLater(replyId, token, e.getMessage(), now + wait, now);
        LOG.info("{} reply {} attempt {} failed, next in {} ms: {}", entry.reply().channel(), replyId, entry.attempts(),
                wait, e.getMessage());
    }
}
