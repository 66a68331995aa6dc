package dev.hermes.orchestrator.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.net.URI;

/**
 * {@code hermes.inbound.twilio}: the account's auth token (the HMAC key of
 * {@code X-Twilio-Signature}) and the public URL Twilio posts to, exactly as configured in the
 * Twilio console. The signature covers that URL, so it is configured, never rebuilt from the
 * request's Host or X-Forwarded-* headers. The token is never logged.
 */
@ConfigurationProperties("hermes.inbound.twilio")
public record TwilioConfig(String authToken, String publicUrl) {
    public TwilioConfig {
        if (authToken == null || authToken.length() < 16) {
            throw new IllegalArgumentException("hermes.inbound.twilio.auth-token must be set (16+ characters)");
        }
        if (publicUrl == null || !publicUrl.matches("https?://\\S+")) {
            throw new IllegalArgumentException("hermes.inbound.twilio.public-url must be the webhook's absolute URL");
        }
        URI.create(publicUrl);
    }

    @Override
    public String toString() {
        return "TwilioConfig[authToken=***, publicUrl=" + publicUrl + "]";
    }
}
