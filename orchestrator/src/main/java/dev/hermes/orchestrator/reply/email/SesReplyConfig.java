package dev.hermes.orchestrator.reply.email;

import dev.hermes.orchestrator.reply.RetryPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code hermes.reply.ses}: reply emails through SES v2 {@code SendEmail} when {@code enabled}
 * (endpoint: {@code aws.services.email.endpoint-override}). SES gives each message its own
 * Message-ID, {@code <{MessageId}@{message-id-domain}>} ({@code email.amazonses.com} in us-east-1,
 * {@code {region}.amazonses.com} elsewhere), which is recorded as a key of the thread.
 */
@ConfigurationProperties("hermes.reply.ses")
public record SesReplyConfig(@Bindable(defaultValue = "false") boolean enabled,
                             @Nullable String configurationSet,
                             @Bindable(defaultValue = "email.amazonses.com") String messageIdDomain,
                             @Bindable(defaultValue = "30s") Duration requestTimeout,
                             @Bindable(defaultValue = "5") int maxAttempts,
                             @Bindable(defaultValue = "5s") Duration backoff,
                             @Bindable(defaultValue = "5m") Duration maxBackoff) {
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9.-]{1,253}");

    public SesReplyConfig {
        if (!DOMAIN.matcher(messageIdDomain).matches()) {
            throw new IllegalArgumentException("hermes.reply.ses.message-id-domain must be a domain name");
        }
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, backoff, maxBackoff);
    }
}
