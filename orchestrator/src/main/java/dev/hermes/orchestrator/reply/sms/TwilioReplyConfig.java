package dev.hermes.orchestrator.reply.sms;

import dev.hermes.orchestrator.reply.RetryPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * {@code hermes.reply.twilio}: SMS replies through Twilio's Messages API. The sender exists only
 * when {@code base-url} is set ({@code https://api.twilio.com} in production). A reply goes from the
 * number the person texted; {@code from-number} is used when that is unknown. The auth token is a
 * {@code ReplySecret}, not part of this record.
 */
@ConfigurationProperties("hermes.reply.twilio")
public record TwilioReplyConfig(String baseUrl,
                                String accountSid,
                                @Nullable String fromNumber,
                                @Bindable(defaultValue = "5s") Duration connectTimeout,
                                @Bindable(defaultValue = "15s") Duration requestTimeout,
                                @Bindable(defaultValue = "5") int maxAttempts,
                                @Bindable(defaultValue = "5s") Duration backoff,
                                @Bindable(defaultValue = "5m") Duration maxBackoff) {
    public TwilioReplyConfig {
        if (baseUrl == null || !baseUrl.matches("https?://[^\\s/]+(/\\S*)?") || URI.create(baseUrl).getHost() == null) {
            throw new IllegalArgumentException("hermes.reply.twilio.base-url must be an absolute http(s) URL");
        }
        baseUrl = baseUrl.replaceAll("/+$", "");
        if (accountSid == null || !accountSid.matches("AC[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("hermes.reply.twilio.account-sid must be the account's SID (AC…)");
        }
        if (fromNumber != null && !fromNumber.matches("\\+[1-9][0-9]{1,14}")) {
            throw new IllegalArgumentException("hermes.reply.twilio.from-number must be E.164");
        }
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, backoff, maxBackoff);
    }
}
