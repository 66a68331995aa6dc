package dev.hermes.orchestrator.reply;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code hermes.reply.cold-start}: whether a message that has to start its worker first is
 * acknowledged at once, and with what words. The acknowledgement goes on the message's channel and
 * thread like any reply; it is skipped if the result is recorded before it could be sent.
 */
@ConfigurationProperties("hermes.reply.cold-start")
public record ColdStartConfig(@Bindable(defaultValue = "true") boolean enabled,
                              @Bindable(defaultValue = "Starting your workspace; the answer follows when the work is done.")
                              String text) {
    public ColdStartConfig {
        if (text == null || text.isBlank() || text.length() > 500) {
            throw new IllegalArgumentException("hermes.reply.cold-start.text must be 1..500 characters");
        }
    }
}
