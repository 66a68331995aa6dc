package dev.hermes.infra.data;

import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * One Hermes table with the settings every table shares: on-demand billing, point-in-time recovery,
 * KMS encryption, deletion protection and removal policy from the stack props, a string partition
 * key, and optionally a TTL on {@value #EXPIRES_AT}.
 */
public final class HermesTable extends Construct {
    /** TTL attribute, epoch seconds (DynamoDB's TTL unit). */
    public static final String EXPIRES_AT = "expiresAt";

    /**
     * Shared settings.
     *
     * @param encryptionKey the customer-managed key, or {@code null} for the AWS-managed key
     */
    public record Defaults(boolean deletionProtection, RemovalPolicy removalPolicy, IKey encryptionKey) {
        public Defaults {
            Objects.requireNonNull(removalPolicy, "removalPolicy");
        }
    }

    /**
     * What differs per table.
     *
     * @param expiring whether items carry a TTL in {@value HermesTable#EXPIRES_AT}
     */
    public record Spec(String tableName, String partitionKey, boolean expiring) {
        public Spec {
            Objects.requireNonNull(tableName, "tableName");
            Objects.requireNonNull(partitionKey, "partitionKey");
        }
    }

    private final Table table;

    public HermesTable(Construct scope, String id, Defaults defaults, Spec spec) {
        super(scope, id);
        Table.Builder builder = Table.Builder.create(this, "Table")
                .tableName(spec.tableName())
                .partitionKey(attribute(spec.partitionKey(), AttributeType.STRING))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .deletionProtection(defaults.deletionProtection())
                .removalPolicy(defaults.removalPolicy());
        if (defaults.encryptionKey() == null) {
            builder.encryption(TableEncryption.AWS_MANAGED);
        } else {
            builder.encryption(TableEncryption.CUSTOMER_MANAGED).encryptionKey(defaults.encryptionKey());
        }
        if (spec.expiring()) {
            builder.timeToLiveAttribute(EXPIRES_AT);
        }
        this.table = builder.build();
    }

    /**
     * Adds a GSI keyed by a string partition and a time sort key (epoch milliseconds, type Number),
     * projecting all attributes.
     */
    public HermesTable withTimeOrderedIndex(String indexName, String partitionKey, String epochMillisSortKey) {
        return withTimeOrderedIndex(indexName, partitionKey, epochMillisSortKey, ProjectionType.ALL);
    }

    /** As {@link #withTimeOrderedIndex(String, String, String)}, projecting {@code projection}. */
    public HermesTable withTimeOrderedIndex(String indexName, String partitionKey, String epochMillisSortKey,
                                            ProjectionType projection) {
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(indexName)
                .partitionKey(attribute(partitionKey, AttributeType.STRING))
                .sortKey(attribute(epochMillisSortKey, AttributeType.NUMBER))
                .projectionType(projection)
                .build());
        return this;
    }

    public ITable table() {
        return table;
    }

    private static Attribute attribute(String name, AttributeType type) {
        return Attribute.builder().name(name).type(type).build();
    }
}
