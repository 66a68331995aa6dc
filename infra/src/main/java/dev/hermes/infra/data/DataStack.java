package dev.hermes.infra.data;

import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.table.CommandsTable;
import dev.hermes.protocol.table.IdempotencyTable;
import dev.hermes.protocol.table.TokensTable;
import dev.hermes.protocol.table.ContainersTable;
import dev.hermes.protocol.table.OutboxTable;
import dev.hermes.protocol.table.RoutesTable;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The DynamoDB tables of DESIGN §4 (and the tokens and idempotency tables of the management API), with
 * each table's name and ARN as stack outputs, and the credential store's KMS key.
 */
public final class DataStack extends Stack {
    private final ITable threads;
    private final ITable threadKeys;
    private final ITable commands;
    private final ITable containers;
    private final ITable routes;
    private final ITable outbox;
    private final ITable tokens;
    private final ITable idempotency;
    private final Key secretsKey;

    public DataStack(Construct scope, String id, StackProps stackProps, DataStackProps props) {
        super(scope, id, stackProps);
        TableNames names = props.tableNames();
        IKey key = props.customerManagedKey() ? tablesKey(props) : null;
        var defaults = new HermesTable.Defaults(props.deletionProtection(), props.removalPolicy(), key);

        threads = table("Threads", defaults, names.threads(), KeyAttributes.THREADS_THREAD_ID, false)
                .withTimeOrderedIndex(TableNames.THREADS_BY_CONTAINER,
                        KeyAttributes.THREADS_CONTAINER_KEY, KeyAttributes.THREADS_LAST_ACTIVITY_AT)
                .table();
        threadKeys = table("ThreadKeys", defaults, names.threadKeys(), KeyAttributes.THREAD_KEYS_KEY, true).table();
        commands = table("Commands", defaults, names.commands(), CommandsTable.COMMAND_ID, true)
                .withTimeOrderedIndex(TableNames.COMMANDS_BY_THREAD, CommandsTable.THREAD_ID, CommandsTable.CREATED_AT)
                // Sparse, keys only: commands waiting to run, queried one item oldest first for a gauge.
                .withTimeOrderedIndex(TableNames.COMMANDS_PENDING, CommandsTable.PENDING_SHARD,
                        CommandsTable.PENDING_SINCE, ProjectionType.KEYS_ONLY)
                .table();
        containers = table("Containers", defaults, names.containers(), ContainersTable.CONTAINER_KEY, false).table();
        routes = table("Routes", defaults, names.routes(), RoutesTable.KEY, false).table();
        // Sparse: only PENDING replies carry dueChannel, so the sender's poll reads what is due and nothing else.
        outbox = table("Outbox", defaults, names.outbox(), OutboxTable.REPLY_ID, true)
                .withTimeOrderedIndex(TableNames.OUTBOX_DUE, OutboxTable.DUE_CHANNEL, OutboxTable.NEXT_ATTEMPT_AT)
                .table();

        // API tokens by hash; stored responses of Idempotency-Key requests, expiring by TTL.
        tokens = table("Tokens", defaults, names.tokens(), TokensTable.TOKEN_HASH, false).table();
        idempotency = table("Idempotency", defaults, names.idempotency(), IdempotencyTable.KEY, true).table();
        secretsKey = secretsKey(props);
        CfnOutput.Builder.create(this, "SecretsKeyArn").value(secretsKey.getKeyArn()).build();

        if (key != null) {
            CfnOutput.Builder.create(this, "TablesKeyArn").value(key.getKeyArn()).build();
        }
    }

    public ITable threads() {
        return threads;
    }

    public ITable threadKeys() {
        return threadKeys;
    }

    public ITable commands() {
        return commands;
    }

    public ITable containers() {
        return containers;
    }

    public ITable routes() {
        return routes;
    }

    public ITable outbox() {
        return outbox;
    }

    public ITable tokens() {
        return tokens;
    }

    public ITable idempotency() {
        return idempotency;
    }

    /** The credential store's master key: data keys for every sealed secret are generated under it. */
    public IKey secretsKey() {
        return secretsKey;
    }

    private HermesTable table(String id, HermesTable.Defaults defaults, String name, String partitionKey,
                              boolean expiring) {
        HermesTable table = new HermesTable(this, id, defaults, new HermesTable.Spec(name, partitionKey, expiring));
        CfnOutput.Builder.create(this, id + "TableName").value(table.table().getTableName()).build();
        CfnOutput.Builder.create(this, id + "TableArn").value(table.table().getTableArn()).build();
        return table;
    }

    /**
     * The credential store's KMS key: symmetric, yearly rotation on (the key id stays, old values stay
     * readable), and always retained: deleting it would make every stored secret unreadable.
     */
    private Key secretsKey(DataStackProps props) {
        return Key.Builder.create(this, "SecretsKey")
                .description("Hermes credential store: data keys of the secrets in " + props.tablePrefix() + "routes")
                .alias("alias/" + props.tablePrefix().replace('.', '-') + "secrets")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private Key tablesKey(DataStackProps props) {
        return Key.Builder.create(this, "TablesKey")
                .description("Encrypts the Hermes DynamoDB tables " + props.tablePrefix() + "*")
                .enableKeyRotation(true)
                .removalPolicy(props.removalPolicy())
                .build();
    }
}
