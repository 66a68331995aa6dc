package dev.hermes.orchestrator.inbound.ses;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code hermes.inbound.sqs}: the consumer of the shared {@code inbound-email} queue (SES → SNS → SQS).
 *
 * @param enabled      start the consumer (true in local mode)
 * @param create       create the queue and its DLQ (redrive after {@code hermes.queues.max-receive-count}) at start
 * @param waitSeconds  long-poll wait, 0..20
 * @param maxAge       SNS signatures older than this are stale on this path; messages may wait in the queue,
 *                     so the default is SQS's longest retention
 * @param rawDelivery  also accept SES notifications without the SNS envelope (SNS raw message delivery): they carry
 *                     no signature, so only turn this on when the queue policy lets nothing but the topic send
 */
@ConfigurationProperties("hermes.inbound.sqs")
public record SqsInboundConfig(@Bindable(defaultValue = "false") boolean enabled,
                               @Bindable(defaultValue = "false") boolean create,
                               @Bindable(defaultValue = "20") int waitSeconds,
                               @Bindable(defaultValue = "14d") Duration maxAge,
                               @Bindable(defaultValue = "false") boolean rawDelivery) {
    public SqsInboundConfig {
        if (waitSeconds < 0 || waitSeconds > 20 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("hermes.inbound.sqs: wait-seconds 0..20, max-age > 0");
        }
    }
}
