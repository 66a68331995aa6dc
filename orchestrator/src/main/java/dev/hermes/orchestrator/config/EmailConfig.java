package dev.hermes.orchestrator.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.regex.Pattern;

/**
 * {@code hermes.email}: Hermes's own mail domain and local part. Replies come from
 * {@code {replyLocal}@{domain}} with {@code Reply-To: {replyLocal}+{threadId}@{domain}}.
 */
@ConfigurationProperties("hermes.email")
public record EmailConfig(@Bindable(defaultValue = "hermes.localhost") String domain,
                          @Bindable(defaultValue = "hermes") String replyLocal,
                          @Bindable(defaultValue = "Hermes") String fromName) {
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9.-]{1,253}");
    private static final Pattern LOCAL = Pattern.compile("[a-z0-9._-]{1,64}");

    public EmailConfig {
        if (!DOMAIN.matcher(domain).matches() || !LOCAL.matcher(replyLocal).matches()) {
            throw new IllegalArgumentException("hermes.email.domain / reply-local must be lower-case mail names");
        }
    }

    public String fromAddress() {
        return replyLocal + "@" + domain;
    }

    public String replyAddress(String threadId) {
        return replyLocal + "+" + threadId + "@" + domain;
    }
}
