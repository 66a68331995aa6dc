package dev.hermes.orchestrator.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** {@code hermes.smtp}: where {@code SmtpReplySender} delivers replies (GreenMail in local mode). */
@ConfigurationProperties("hermes.smtp")
public record SmtpConfig(@Bindable(defaultValue = "127.0.0.1") String host,
                         @Bindable(defaultValue = "3025") int port,
                         @Bindable(defaultValue = "10000") int timeoutMillis) {
}
