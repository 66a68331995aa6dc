package dev.hermes.orchestrator.inbound.ses;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code hermes.inbound.sns}: which SNS deliveries are believed.
 *
 * @param topicArns            the only topics whose messages are accepted; empty accepts none (fail closed)
 * @param certUrlPattern       a {@code SigningCertURL} must match this before it is ever fetched
 * @param subscribeHostPattern a {@code SubscribeURL} host must match this (and be https) to be confirmed
 * @param maxAge               messages signed longer ago than this are stale (webhook path)
 * @param maxBodyBytes         larger webhook bodies are refused with 413
 */
@ConfigurationProperties("hermes.inbound.sns")
public record SnsConfig(@Nullable List<String> topicArns,
                        @Bindable(defaultValue = DEFAULT_CERT_URL_PATTERN) String certUrlPattern,
                        @Bindable(defaultValue = DEFAULT_SUBSCRIBE_HOST_PATTERN) String subscribeHostPattern,
                        @Bindable(defaultValue = "1h") Duration maxAge,
                        @Bindable(defaultValue = "1048576") int maxBodyBytes) {
    public static final String DEFAULT_CERT_URL_PATTERN = "^https://sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/[^?#]*\\.pem$";
    public static final String DEFAULT_SUBSCRIBE_HOST_PATTERN = "^sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?$";

    public SnsConfig {
        topicArns = topicArns == null ? List.of() : topicArns.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        Pattern.compile(certUrlPattern);
        Pattern.compile(subscribeHostPattern);
        if (maxAge.isNegative() || maxAge.isZero() || maxBodyBytes < 1024) {
            throw new IllegalArgumentException("hermes.inbound.sns: max-age > 0, max-body-bytes >= 1024");
        }
    }

    public Pattern certUrl() {
        return Pattern.compile(certUrlPattern);
    }

    public Pattern subscribeHost() {
        return Pattern.compile(subscribeHostPattern);
    }
}
