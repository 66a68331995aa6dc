package dev.hermes.orchestrator.reply;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code hermes.reply}: how the outbox is worked. Every {@code poll-interval} the due PENDING
 * replies of each channel that has a sender are claimed, up to {@code batch-size} per look, and sent
 * on that channel's own {@code concurrency} threads; an attempt holds its reply for
 * {@code claim-timeout} (longer than any provider's request timeout), after which a crashed attempt's
 * reply is due again. SMS replies are shortened to {@code sms-max-segments} segments.
 */
@ConfigurationProperties("hermes.reply")
public record ReplyConfig(@Bindable(defaultValue = "2s") Duration pollInterval,
                          @Bindable(defaultValue = "25") int batchSize,
                          @Bindable(defaultValue = "4") int concurrency,
                          @Bindable(defaultValue = "2m") Duration claimTimeout,
                          @Bindable(defaultValue = "3") int smsMaxSegments) {
    public ReplyConfig {
        if (pollInterval.isNegative() || pollInterval.isZero() || claimTimeout.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("hermes.reply: poll-interval must be positive, claim-timeout at least 5s");
        }
        if (batchSize < 1 || batchSize > 100 || concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("hermes.reply: batch-size 1..100, concurrency 1..64");
        }
        if (smsMaxSegments < 1 || smsMaxSegments > 10) {
            throw new IllegalArgumentException("hermes.reply.sms-max-segments must be 1..10");
        }
    }
}
