package dev.hermes.infra.messaging;

import dev.hermes.infra.config.ContextValues;
import dev.hermes.protocol.naming.QueueNames;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Settings of {@link MessagingStack}.
 *
 * @param queuePrefix             prefix of every queue name, as {@code hermes.queues.prefix} in the services
 * @param maxReceiveCount         receives before an inbound mail moves to the DLQ ({@code hermes.queues.max-receive-count})
 * @param rawMailRetentionDays    days the raw mail objects are kept in the bucket before they expire
 * @param sesReceiving            create the SES receipt rule set (only in regions where SES receives mail)
 * @param recipients              the domains or addresses the receipt rule accepts (never empty: an empty
 *                                rule would take mail for every verified domain of the account)
 */
public record MessagingProps(String queuePrefix, int maxReceiveCount, int rawMailRetentionDays, boolean sesReceiving,
                             List<String> recipients) {
    public static final String QUEUE_PREFIX = "hermes.queues.prefix";
    public static final String MAX_RECEIVE_COUNT = "hermes.queues.max-receive-count";
    public static final String RAW_MAIL_RETENTION_DAYS = "hermes.infra.raw-mail-retention-days";
    public static final String SES_RECEIVING = "hermes.infra.ses-receiving";
    public static final String RECIPIENTS = "hermes.infra.mail-recipients";
    /** Placeholder recipient domain used when none is configured; the app warns about it. */
    public static final String EXAMPLE_DOMAIN = "hermes.example.com";

    public MessagingProps {
        QueueNames.inboundEmail(Objects.requireNonNull(queuePrefix, "queuePrefix")); // validates the prefix
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException("maxReceiveCount must be 1..1000, was " + maxReceiveCount);
        }
        if (rawMailRetentionDays < 1) {
            throw new IllegalArgumentException("rawMailRetentionDays must be at least 1, was " + rawMailRetentionDays);
        }
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("recipients must name at least one domain or address");
        }
    }

    public static MessagingProps defaults() {
        return new MessagingProps("hermes-", 3, 30, true, List.of(EXAMPLE_DOMAIN));
    }

    public static MessagingProps fromContext(Function<String, Object> context) {
        MessagingProps d = defaults();
        ContextValues values = new ContextValues(context);
        List<String> recipients = values.list(RECIPIENTS);
        return new MessagingProps(
                values.string(QUEUE_PREFIX, d.queuePrefix()),
                values.integer(MAX_RECEIVE_COUNT, d.maxReceiveCount()),
                values.integer(RAW_MAIL_RETENTION_DAYS, d.rawMailRetentionDays()),
                values.bool(SES_RECEIVING, d.sesReceiving()),
                recipients.isEmpty() ? d.recipients() : recipients);
    }

    public String inboundEmailQueueName() {
        return QueueNames.inboundEmail(queuePrefix);
    }

    public String inboundEmailDlqName() {
        return QueueNames.inboundEmailDlq(queuePrefix);
    }

    public MessagingProps withQueuePrefix(String prefix) {
        return new MessagingProps(prefix, maxReceiveCount, rawMailRetentionDays, sesReceiving, recipients);
    }

    public MessagingProps withSesReceiving(boolean on) {
        return new MessagingProps(queuePrefix, maxReceiveCount, rawMailRetentionDays, on, recipients);
    }
}
