package dev.hermes.orchestrator.command;

import static dev.hermes.orchestrator.storage.Items.list;
import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;
import static dev.hermes.protocol.table.CommandsTable.*;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.inbound.Attachment;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.state.Channel;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@Singleton
public class DynamoDbCommandStore implements CommandStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbCommandStore(DynamoDbClient dynamo, TablesConfig tables, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.names().commands();
        this.clock = clock;
    }

    @Override
    public Optional<CommandRecord> find(CommandId commandId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Items.key(COMMAND_ID, commandId.value())).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public List<CommandRecord> findByThread(ThreadId threadId) {
        List<CommandRecord> out = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).indexName(TableNames.COMMANDS_BY_THREAD)
                        .keyConditionExpression("threadId = :t")
                        .expressionAttributeValues(Map.of(":t", s(threadId.value()))))
                .items().forEach(item -> out.add(read(item)));
        return out;
    }

    @Override
    public boolean create(CommandRecord c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(COMMAND_ID, s(c.commandId().value()));
        item.put(THREAD_ID, s(c.threadId().value()));
        item.put(CONTAINER_KEY, s(c.containerKey().value()));
        item.put(STATUS, s(c.status().name()));
        item.put(CHANNEL, s(c.channel().name()));
        item.put(TITLE, s(c.title()));
        item.put(INSTRUCTION, s(c.instruction()));
        item.put(SIGNAL, s(c.signal().name()));
        item.put(BRANCH, s(c.branch()));
        item.put(ATTEMPTS, n(0));
        item.put(CREATED_AT, n(c.createdAt()));
        item.put(UPDATED_AT, n(c.createdAt()));
        ReplyRoute r = c.replyRoute();
        item.put(REPLY_ROUTE, AttributeValue.fromM(Map.of(
                "address", s(r.address()),
                "messageId", s(r.messageId() == null ? "" : r.messageId()),
                "references", list(r.references()),
                "subject", s(r.subject()),
                "attributes", AttributeValue.fromM(r.attributes().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())))))));
        item.put(ATTACHMENTS, AttributeValue.fromL(c.attachments().stream().map(a -> AttributeValue.fromM(Map.of(
                "name", s(a.name()), "contentType", s(a.contentType()), "size", n(a.size())))).toList()));
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
    public boolean applyResult(ResultMessage r) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", s(r.status().name()));
        values.put(":summary", s(r.summary()));
        values.put(":files", list(r.filesChanged()));
        values.put(":finished", n(r.finishedAt().toEpochMilli()));
        values.put(":now", n(clock.millis()));
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
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Items.key(COMMAND_ID, r.commandId().value()))
                    .updateExpression(set.toString())
                    .conditionExpression("#s = :status OR #s IN (" + String.join(", ", from) + ")")
                    .expressionAttributeNames(Map.of("#s", STATUS))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void recordReply(CommandId commandId, String replyId) {
        dynamo.updateItem(b -> b.tableName(table).key(Items.key(COMMAND_ID, commandId.value()))
                .updateExpression("SET replyId = :r")
                .conditionExpression("attribute_exists(commandId)")
                .expressionAttributeValues(Map.of(":r", s(replyId))));
    }

    private static CommandRecord read(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> route = item.containsKey(REPLY_ROUTE) ? item.get(REPLY_ROUTE).m() : Map.of();
        ReplyRoute replyRoute = new ReplyRoute(Optional.ofNullable(Items.str(route, "address")).orElse(""),
                Items.str(route, "messageId"), Items.strings(route, "references"), Items.str(route, "subject"),
                Items.stringMap(route, "attributes"));
        String signal = Items.str(item, SIGNAL);
        return new CommandRecord(
                new CommandId(Items.str(item, COMMAND_ID)),
                new ThreadId(Items.str(item, THREAD_ID)),
                ContainerKey.parse(Items.str(item, CONTAINER_KEY)),
                Items.num(item, SEQUENCE, -1),
                CommandStatus.valueOf(Items.str(item, STATUS)),
                Channel.valueOf(Items.str(item, CHANNEL)),
                Items.str(item, TITLE),
                Items.str(item, INSTRUCTION),
                replyRoute,
                signal == null ? ThreadSignal.NEW : ThreadSignal.valueOf(signal),
                Items.num(item, ATTEMPTS, 0),
                Items.num(item, CREATED_AT, 0),
                Items.num(item, STARTED_AT, 0),
                Items.num(item, FINISHED_AT, 0),
                Items.str(item, SUMMARY),
                Items.str(item, BRANCH),
                Items.str(item, COMMIT_SHA),
                Items.strings(item, FILES_CHANGED),
                Items.str(item, REPLY_ID),
                item.containsKey(ATTACHMENTS) ? item.get(ATTACHMENTS).l().stream().map(a -> new Attachment(
                        Items.str(a.m(), "name"), Items.str(a.m(), "contentType"), Items.num(a.m(), "size", 0))).toList()
                        : List.of());
    }
}
