package dev.hermes.orchestrator.command;

import static dev.hermes.orchestrator.storage.Items.list;
import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;
import static dev.hermes.protocol.table.CommandsTable.*;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.state.CommandStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

@Singleton
public class DynamoDbCommandStore implements CommandStore {
    /** BatchExecuteStatement takes at most 25 statements. */
    private static final int STATEMENTS_PER_BATCH = 25;
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final String markQueued;

    public DynamoDbCommandStore(DynamoDbClient dynamo, TablesConfig tables, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.names().commands();
        this.clock = clock;
        // PartiQL, so that each command keeps its own condition: one that a worker already moved on
        // fails alone instead of cancelling the others (as one transaction would).
        this.markQueued = "UPDATE \"" + table + "\" SET \"" + STATUS + "\" = ? SET \"" + SEQUENCE + "\" = ? SET \""
                + UPDATED_AT + "\" = ? WHERE \"" + COMMAND_ID + "\" = ? AND \"" + STATUS + "\" = ?";
    }

    @Override
    public Optional<CommandRecord> find(CommandId commandId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Items.key(COMMAND_ID, commandId.value())).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CommandItems.fromItem(item));
    }

    @Override
    public List<CommandRecord> findByThread(ThreadId threadId) {
        List<CommandRecord> out = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).indexName(TableNames.COMMANDS_BY_THREAD)
                        .keyConditionExpression("threadId = :t")
                        .expressionAttributeValues(Map.of(":t", s(threadId.value()))))
                .items().forEach(item -> out.add(CommandItems.fromItem(item)));
        return out;
    }

    @Override
    public List<CommandRecord> recentByThread(ThreadId threadId, int limit) {
        return dynamo.query(b -> b.tableName(table).indexName(TableNames.COMMANDS_BY_THREAD)
                        .keyConditionExpression("threadId = :t")
                        .expressionAttributeValues(Map.of(":t", s(threadId.value())))
                        .scanIndexForward(false).limit(limit))
                .items().stream().map(CommandItems::fromItem).toList();
    }

    @Override
    public boolean create(CommandRecord c) {
        Map<String, AttributeValue> item = CommandItems.toItem(c);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(commandId)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void markQueued(CommandId commandId, long sequence) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Items.key(COMMAND_ID, commandId.value()))
                    .updateExpression("SET #s = :queued, #seq = :seq, updatedAt = :now")
                    .conditionExpression("#s = :received")
                    .expressionAttributeNames(Map.of("#s", STATUS, "#seq", SEQUENCE))
                    .expressionAttributeValues(Map.of(":queued", s(CommandStatus.QUEUED.name()),
                            ":received", s(CommandStatus.RECEIVED.name()), ":seq", n(sequence),
                            ":now", n(clock.millis()))));
        } catch (ConditionalCheckFailedException e) {
            // A worker already picked it up: its status is further along than QUEUED.
        }
    }

    @Override
    public List<Queued> markQueued(List<Queued> queued) {
        List<Queued> failed = new ArrayList<>();
        long now = clock.millis();
        for (int from = 0; from < queued.size(); from += STATEMENTS_PER_BATCH) {
            List<Queued> chunk = queued.subList(from, Math.min(queued.size(), from + STATEMENTS_PER_BATCH));
            List<BatchStatementRequest> statements = chunk.stream().map(q -> BatchStatementRequest.builder()
                    .statement(markQueued)
                    .parameters(s(CommandStatus.QUEUED.name()), n(q.sequence()), n(now), s(q.commandId().value()),
                            s(CommandStatus.RECEIVED.name()))
                    .build()).toList();
            List<BatchStatementResponse> answers = dynamo.batchExecuteStatement(b -> b.statements(statements)).responses();
            for (int i = 0; i < chunk.size(); i++) {
                BatchStatementResponse answer = answers.get(i);
                // A failed condition means a worker already moved the command on: nothing to do.
                if (answer.error() != null && answer.error().code() != BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED) {
                    failed.add(chunk.get(i));
                }
            }
        }
        return failed;
    }

    /**
     * Also counts the applications ({@code resultsApplied}, answered by the same write) so the first
     * one is told from a repeat, and removes the pending-index attributes (a final write).
     */
    @Override
    public Applied applyResult(ResultMessage r) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", s(r.status().name()));
        values.put(":summary", s(r.summary()));
        values.put(":files", list(r.filesChanged()));
        values.put(":finished", n(r.finishedAt().toEpochMilli()));
        values.put(":now", n(clock.millis()));
        values.put(":one", n(1));
        StringBuilder set = new StringBuilder("SET #s = :status, summary = :summary, filesChanged = :files, "
                + "finishedAt = :finished, updatedAt = :now");
        if (r.commitSha() != null) {
            set.append(", commitSha = :sha");
            values.put(":sha", s(r.commitSha()));
        }
        if (r.branch() != null) {
            set.append(", branch = :branch");
            values.put(":branch", s(r.branch()));
        }
        List<String> from = new ArrayList<>();
        int i = 0;
        for (CommandStatus s : CommandStatus.predecessorsOf(r.status())) {
            from.add(":from" + i);
            values.put(":from" + i++, s(s.name()));
        }
        set.append(" ADD #applied :one REMOVE #pendingShard, #pendingSince");
        try {
            Map<String, AttributeValue> updated = dynamo.updateItem(b -> b.tableName(table)
                    .key(Items.key(COMMAND_ID, r.commandId().value()))
                    .updateExpression(set.toString())
                    .conditionExpression("#s = :status OR #s IN (" + String.join(", ", from) + ")")
                    .expressionAttributeNames(Map.of("#s", STATUS, "#applied", RESULTS_APPLIED,
                            "#pendingShard", PENDING_SHARD, "#pendingSince", PENDING_SINCE))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return Items.num(updated, RESULTS_APPLIED, 1) == 1 ? Applied.FIRST : Applied.AGAIN;
        } catch (ConditionalCheckFailedException e) {
            return Applied.CONFLICT;
        }
    }

    @Override
    public void recordReply(CommandId commandId, String replyId) {
        dynamo.updateItem(b -> b.tableName(table).key(Items.key(COMMAND_ID, commandId.value()))
                .updateExpression("SET replyId = :r")
                .conditionExpression("attribute_exists(commandId)")
                .expressionAttributeValues(Map.of(":r", s(replyId))));
    }
}
