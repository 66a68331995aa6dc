package dev.hermes.orchestrator.deadletter;

import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.protocol.table.CommandsTable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** The mark as one conditional update of the command's item, from the statuses the transition table allows. */
@Singleton
public class DynamoDbDeadLetterStore implements DeadLetterStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDeadLetterStore(DynamoDbClient dynamo, TablesConfig tables) {
        this.dynamo = dynamo;
        this.table = tables.names().commands();
    }

    @Override
    public Mark markDeadLettered(CommandId commandId, long now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":dead", s(CommandStatus.DEAD_LETTERED.name()));
        values.put(":now", n(now));
        List<String> from = new ArrayList<>();
        for (CommandStatus status : CommandStatus.predecessorsOf(CommandStatus.DEAD_LETTERED)) {
            from.add(":from" + from.size());
            values.put(from.get(from.size() - 1), s(status.name()));
        }
        try {
            Map<String, AttributeValue> row = dynamo.updateItem(b -> b.tableName(table)
                    .key(Items.key(CommandsTable.COMMAND_ID, commandId.value()))
                    .updateExpression("SET #s = :dead, #at = :now, #updated = :now REMOVE #shard, #since")
                    .conditionExpression("#s IN (" + String.join(", ", from) + ")")
                    .expressionAttributeNames(Map.of("#s", CommandsTable.STATUS, "#at", CommandsTable.DEAD_LETTERED_AT,
                            "#updated", CommandsTable.UPDATED_AT, "#shard", CommandsTable.PENDING_SHARD,
                            "#since", CommandsTable.PENDING_SINCE))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return mark(Outcome.MARKED, row);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> row = e.hasItem() ? e.item() : readRow(commandId);
            if (row == null || row.isEmpty()) {
                return new Mark(Outcome.MISSING, 0, null);
            }
            CommandStatus status = CommandStatus.valueOf(Items.str(row, CommandsTable.STATUS));
            return mark(status == CommandStatus.DEAD_LETTERED ? Outcome.ALREADY : Outcome.ENDED, row);
        }
    }

    private Map<String, AttributeValue> readRow(CommandId commandId) {
        return dynamo.getItem(b -> b.tableName(table).key(Items.key(CommandsTable.COMMAND_ID, commandId.value()))
                .consistentRead(true)).item();
    }

    private static Mark mark(Outcome outcome, Map<String, AttributeValue> row) {
        return new Mark(outcome, Items.num(row, CommandsTable.ATTEMPTS, 0), Items.str(row, CommandsTable.LAST_ERROR));
    }
}
