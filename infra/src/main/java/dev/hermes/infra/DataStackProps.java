package dev.hermes.infra;

import dev.hermes.protocol.naming.TableNames;
import java.util.Locale;
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
        return new DataStackProps(
                string(context.apply(TABLE_PREFIX), d.tablePrefix()),
                bool(DELETION_PROTECTION, context.apply(DELETION_PROTECTION), d.deletionProtection()),
                bool(CUSTOMER_MANAGED_KEY, context.apply(CUSTOMER_MANAGED_KEY), d.customerManagedKey()),
                policy(context.apply(REMOVAL_POLICY), d.removalPolicy()));
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

    private static String string(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }

    private static boolean bool(String key, Object value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
        };
    }

    private static RemovalPolicy policy(Object value, RemovalPolicy fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return RemovalPolicy.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(REMOVAL_POLICY + " must be RETAIN or DESTROY, was '" + value + "'", e);
        }
    }
}
