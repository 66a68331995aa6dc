package dev.hermes.orchestrator.reply;

import dev.hermes.protocol.state.Channel;

/**
 * Hands replies of one channel to its provider (SMTP or SES for email, Twilio for SMS, Slack, the
 * chat's callback). At most one sender per channel is configured; a channel without one keeps its
 * replies PENDING in the outbox.
 */
public interface ReplySender {
    Channel channel();

    /** How often and how patiently this provider is tried. */
    RetryPolicy retryPolicy();

    /**
     * Sends it; answers what the provider accepted. Throws {@link ReplyFailedException} when it did
     * not take it, saying whether a retry can help.
     */
    Accepted send(Reply reply);
}
