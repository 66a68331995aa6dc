package dev.hermes.orchestrator.reply.chat;

import dev.hermes.orchestrator.reply.RetryPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * {@code hermes.reply.chat}: generic chat replies, POSTed to the conversation's {@code callbackUrl}
 * and signed per Standard Webhooks with the {@code whsec_} secret (a {@code ReplySecret}). Callbacks
 * to loopback, link-local, private and other internal addresses are refused unless
 * {@code allowed-hosts} names the host, its address or a CIDR range it falls in; plain http only
 * for allowed hosts.
 */
@ConfigurationProperties("hermes.reply.chat")
public record ChatReplyConfig(@Bindable(defaultValue = "false") boolean enabled,
                              @Nullable List<String> allowedHosts,
                              @Bindable(defaultValue = "5s") Duration connectTimeout,
                              @Bindable(defaultValue = "15s") Duration requestTimeout,
                              @Bindable(defaultValue = "5") int maxAttempts,
                              @Bindable(defaultValue = "5s") Duration backoff,
                              @Bindable(defaultValue = "5m") Duration maxBackoff) {
    public ChatReplyConfig {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, backoff, maxBackoff);
    }
}
