package dev.hermes.infra.data;

import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.table.CommandsTable;
import dev.hermes.protocol.table.ContainersTable;
import dev.hermes.protocol.table.OutboxTable;
import dev.hermes.protocol.table.RoutesTable;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/** The DynamoDB tables of DESIGN §4, with each table's name and ARN as stack outputs. */
public final class DataStack extends Stack {
    private final ITable threads;
    private final ITable threadKeys;
    private final ITable commands;
    private final ITable containers;
    private final ITable routes;
    private final ITable outbox;

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

    private HermesTable table(String id, HermesTable.Defaults defaults, String name, String partitionKey,
                              boolean expiring) {
        HermesTable table = new HermesTable(this, id, defaults, new HermesTable.Spec(name, partitionKey, expiring));
        CfnOutput.Builder.create(this, id + "TableName").value(table.table().getTableName()).build();
        CfnOutput.Builder.create(this, id + "TableArn").value(table.table().getTableArn()).build();
        return table;
    }

    private Key tablesKey(DataStackProps props) {
        return Key.Builder.create(this, "TablesKey")
                .description("Encrypts the Hermes DynamoDB tables " + props.tablePrefix() + "*")
                .enableKeyRotation(true)
                .removalPolicy(props.removalPolicy())
                .build();
    }
}
