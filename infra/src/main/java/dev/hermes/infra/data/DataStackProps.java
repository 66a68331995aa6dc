package dev.hermes.infra.data;

import dev.hermes.infra.config.ContextValues;
import dev.hermes.protocol.naming.TableNames;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awscdk.RemovalPolicy;

/**
 * Settings of {@link DataStack}.
 *
 * @param tablePrefix        prefix of every table name, as {@code hermes.tables.prefix} in the services
 * @param deletionProtection DynamoDB deletion protection on every table
 * @param customerManagedKey encrypt with a KMS key created in the stack (rotation on) instead of the
 *                           AWS-managed {@code aws/dynamodb} key
 * @param removalPolicy      what CloudFormation does with tables (and the key) when they leave the
 *                           stack: {@code RETAIN} (default) or {@code DESTROY}
 */
public record DataStackProps(
        String tablePrefix, boolean deletionProtection, boolean customerManagedKey, RemovalPolicy removalPolicy) {

    /** Context / system-property keys read by {@link #fromContext}. */
    public static final String TABLE_PREFIX = "hermes.tables.prefix";
    public static final String DELETION_PROTECTION = "hermes.infra.deletion-protection";
    public static final String CUSTOMER_MANAGED_KEY = "hermes.infra.customer-managed-key";
    public static final String REMOVAL_POLICY = "hermes.infra.removal-policy";

    private static final Set<RemovalPolicy> TABLE_POLICIES = Set.of(RemovalPolicy.RETAIN, RemovalPolicy.DESTROY);

    public DataStackProps {
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        Objects.requireNonNull(removalPolicy, "removalPolicy");
        new TableNames(tablePrefix); // validates the prefix exactly as the services do
        if (!TABLE_POLICIES.contains(removalPolicy)) {
            throw new IllegalArgumentException("removalPolicy must be RETAIN or DESTROY, was " + removalPolicy);
        }
    }

    /** Prefix {@code hermes-}, deletion protection on, AWS-managed key, RETAIN. */
    public static DataStackProps defaults() {
        return new DataStackProps(TableNames.DEFAULT_PREFIX, true, false, RemovalPolicy.RETAIN);
    }

    /**
     * Reads the settings from CDK context (or anything shaped like it), falling back to
     * {@link #defaults()} per missing key. Values may be strings ({@code -c key=value}, {@code -Dkey=value})
     * or JSON booleans ({@code cdk.json}).
     */
    public static DataStackProps fromContext(Function<String, Object> context) {
        DataStackProps d = defaults();
        ContextValues values = new ContextValues(context);
        RemovalPolicy policy = values.enumValue(REMOVAL_POLICY, RemovalPolicy.class, d.removalPolicy());
        return new DataStackProps(
                values.string(TABLE_PREFIX, d.tablePrefix()),
                values.bool(DELETION_PROTECTION, d.deletionProtection()),
                values.bool(CUSTOMER_MANAGED_KEY, d.customerManagedKey()),
                policy);
    }

    public TableNames tableNames() {
        return new TableNames(tablePrefix);
    }

    public DataStackProps withTablePrefix(String prefix) {
        return new DataStackProps(prefix, deletionProtection, customerManagedKey, removalPolicy);
    }

    public DataStackProps withDeletionProtection(boolean on) {
        return new DataStackProps(tablePrefix, on, customerManagedKey, removalPolicy);
    }

    public DataStackProps withCustomerManagedKey(boolean on) {
        return new DataStackProps(tablePrefix, deletionProtection, on, removalPolicy);
    }

    public DataStackProps withRemovalPolicy(RemovalPolicy policy) {
        return new DataStackProps(tablePrefix, deletionProtection, customerManagedKey, policy);
    }
}
