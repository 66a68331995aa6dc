package dev.hermes.infra.compute;

import dev.hermes.protocol.naming.TableNames;
import java.util.Objects;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * What the compute stack takes from the other stacks and settings.
 *
 * @param tables           the table names (prefix of the data stack)
 * @param queuePrefix      the queue prefix (messaging stack)
 * @param maxReceiveCount  receives before a command is dead-lettered
 * @param inboundTopic     the SNS topic whose signed messages the orchestrator believes
 * @param rawMail          the raw mail bucket
 * @param rawMailKeyPrefix where SES writes in it
 * @param metricsNamespace the CloudWatch namespace of Hermes's metrics
 * @param secretsKey       the credential store's KMS key (data stack)
 */
public record Wiring(TableNames tables, String queuePrefix, int maxReceiveCount, ITopic inboundTopic, IBucket rawMail,
                     String rawMailKeyPrefix, String metricsNamespace, IKey secretsKey) {
    public Wiring {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(queuePrefix, "queuePrefix");
        Objects.requireNonNull(inboundTopic, "inboundTopic");
        Objects.requireNonNull(rawMail, "rawMail");
        Objects.requireNonNull(rawMailKeyPrefix, "rawMailKeyPrefix");
        Objects.requireNonNull(metricsNamespace, "metricsNamespace");
        Objects.requireNonNull(secretsKey, "secretsKey");
    }
}
