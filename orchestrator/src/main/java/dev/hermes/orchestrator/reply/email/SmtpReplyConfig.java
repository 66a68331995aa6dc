package dev.hermes.orchestrator.reply.email;

import dev.hermes.orchestrator.reply.RetryPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** {@code hermes.reply.smtp}: where {@code SmtpReplySender} delivers replies (GreenMail in local mode). */
@ConfigurationProperties("hermes.reply.smtp")
public record SmtpReplyConfig(@Bindable(defaultValue = "127.0.0.1") String host,
                              @Bindable(defaultValue = "3025") int port,
                              @Bindable(defaultValue = "10s") Duration connectTimeout,
                              @Bindable(defaultValue = "30s") Duration timeout,
                              @Bindable(defaultValue = "5") int maxAttempts,
                              @Bindable(defaultValue = "5s") Duration backoff,
                              @Bindable(defaultValue = "5m") Duration maxBackoff) {
    public SmtpReplyConfig {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("hermes.reply.smtp.port must be 1..65535");
        }
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, backoff, maxBackoff);
    }
}
