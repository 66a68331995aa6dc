package dev.hermes.orchestrator.command;

import static dev.hermes.orchestrator.storage.Items.s;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.table.CommandsTable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One query of the sparse {@code pending} index: its only partition, oldest first, one item. The
 * index holds nothing but waiting commands (every write that moves a command on removes its
 * attributes), so the cost does not grow with the table.
 */
@Singleton
public class DynamoDbPendingCommands implements PendingCommands {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbPendingCommands(DynamoDbClient dynamo, TablesConfig tables) {
        this.dynamo = dynamo;
        this.table = tables.names().commands();
    }

    @Override
    public OptionalLong oldestPendingSince() {
        List<Map<String, AttributeValue>> items = dynamo.query(b -> b.tableName(table)
                .indexName(TableNames.COMMANDS_PENDING)
                .keyConditionExpression("#shard = :shard")
                .expressionAttributeNames(Map.of("#shard", CommandsTable.PENDING_SHARD))
                .expressionAttributeValues(Map.of(":shard", s(CommandsTable.PENDING_SHARD_ALL)))
                .scanIndexForward(true)
                .limit(1)).items();
        return items.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(Items.num(items.get(0), CommandsTable.PENDING_SINCE, 0));
    }
}
