package dev.hermes.orchestrator.reply.slack;

import dev.hermes.orchestrator.reply.RetryPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * {@code hermes.reply.slack}: Slack replies through {@code chat.postMessage}. The sender exists only
 * when {@code base-url} is set ({@code https://slack.com} in production). The bot token
 * ({@code xoxb-…}) is a {@code ReplySecret}, not part of this record.
 */
@ConfigurationProperties("hermes.reply.slack")
public record SlackReplyConfig(String baseUrl,
                               @Bindable(defaultValue = "5s") Duration connectTimeout,
                               @Bindable(defaultValue = "15s") Duration requestTimeout,
                               @Bindable(defaultValue = "5") int maxAttempts,
                               @Bindable(defaultValue = "5s") Duration backoff,
                               @Bindable(defaultValue = "5m") Duration maxBackoff) {
    public SlackReplyConfig {
        if (baseUrl == null || !baseUrl.matches("https?://[^\\s/]+(/\\S*)?") || URI.create(baseUrl).getHost() == null) {
            throw new IllegalArgumentException("hermes.reply.slack.base-url must be an absolute http(s) URL");
        }
        baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, backoff, maxBackoff);
    }
}
