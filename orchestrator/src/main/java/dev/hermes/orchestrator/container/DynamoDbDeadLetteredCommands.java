package dev.hermes.orchestrator.container;

import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;
import static dev.hermes.protocol.table.CommandsTable.*;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.CommandStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Finds a container's dead-lettered commands through the indexes (its threads by container, their
 * commands by thread) and moves them back to QUEUED with conditional writes.
 */
@Singleton
public class DynamoDbDeadLetteredCommands implements DeadLetteredCommands {
    static final String REDRIVES = "redrives";
    private static final String DEAD = CommandStatus.DEAD_LETTERED.name();
    private static final String QUEUED = CommandStatus.QUEUED.name();
    /** A redriven command waits to run again: back on the pending index, since now. */
    private static final String PENDING = "#shard = :shard, #since = :now";
    private final DynamoDbClient dynamo;
    private final TableNames names;
    private final Clock clock;

    public DynamoDbDeadLetteredCommands(DynamoDbClient dynamo, TablesConfig tables, Clock clock) {
        this.dynamo = dynamo;
        this.names = tables.names();
        this.clock = clock;
        CommandStatus.DEAD_LETTERED.checkMoveTo(CommandStatus.QUEUED);
    }

    @Override
    public List<DeadLetter> of(ContainerKey key) {
        Set<String> threads = new LinkedHashSet<>();
        dynamo.queryPaginator(b -> b.tableName(names.threads()).indexName(TableNames.THREADS_BY_CONTAINER)
                        .keyConditionExpression("containerKey = :k")
                        .expressionAttributeValues(Map.of(":k", s(key.value()))))
                .items().forEach(item -> threads.add(Items.str(item, "threadId")));
        List<DeadLetter> out = new ArrayList<>();
        for (String thread : threads) {
            dynamo.queryPaginator(b -> b.tableName(names.commands()).indexName(TableNames.COMMANDS_BY_THREAD)
                            .keyConditionExpression("threadId = :t")
                            .filterExpression("#s = :dead")
                            .expressionAttributeNames(Map.of("#s", STATUS))
                            .expressionAttributeValues(Map.of(":t", s(thread), ":dead", s(DEAD))))
                    .items().forEach(item -> out.add(read(item)));
        }
        return out;
    }

    @Override
    public boolean requeue(CommandId commandId, long sequence, long seenRedrives) {
        String seen = seenRedrives == 0 ? "(attribute_not_exists(redrives) OR redrives = :seen)" : "redrives = :seen";
        return update(commandId, "SET #s = :queued, #seq = :seq, redrives = :next, updatedAt = :now, " + PENDING,
                "#s = :dead AND " + seen, Map.of("#s", STATUS, "#seq", SEQUENCE, "#shard", PENDING_SHARD,
                        "#since", PENDING_SINCE),
                Map.of(":queued", s(QUEUED), ":dead", s(DEAD), ":seq", n(sequence), ":seen", n(seenRedrives),
                        ":next", n(seenRedrives + 1), ":now", n(clock.millis()), ":shard", s(PENDING_SHARD_ALL)));
    }

    @Override
    public boolean requeueIfDeadLettered(CommandId commandId) {
        return update(commandId, "SET #s = :queued, updatedAt = :now, " + PENDING + " ADD redrives :one", "#s = :dead",
                Map.of("#s", STATUS, "#shard", PENDING_SHARD, "#since", PENDING_SINCE), Map.of(":queued", s(QUEUED),
                        ":dead", s(DEAD), ":one", n(1), ":now", n(clock.millis()), ":shard", s(PENDING_SHARD_ALL)));
    }

    private boolean update(CommandId id, String update, String condition, Map<String, String> names,
                           Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> b.tableName(this.names.commands()).key(Items.key(COMMAND_ID, id.value()))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static DeadLetter read(Map<String, AttributeValue> item) {
        CommandMessage message = CommandMessage.of(new CommandId(Items.str(item, COMMAND_ID)),
                new ThreadId(Items.str(item, THREAD_ID)), ContainerKey.parse(Items.str(item, CONTAINER_KEY)),
                Math.max(0, Items.num(item, SEQUENCE, 0)), Channel.valueOf(Items.str(item, CHANNEL)),
                Items.str(item, TITLE), Items.str(item, INSTRUCTION), Instant.ofEpochMilli(Items.num(item, CREATED_AT, 0)));
        return new DeadLetter(message, Items.num(item, REDRIVES, 0));
    }
}
