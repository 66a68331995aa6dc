package dev.hermes.orchestrator.reply;

import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.state.Channel;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@Singleton
public class DynamoDbOutboxStore implements OutboxStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbOutboxStore(DynamoDbClient dynamo, TablesConfig tables, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.names().outbox();
        this.clock = clock;
    }

    @Override
    public Optional<OutboxEntry> find(String replyId) {
        Map<String, AttributeValue> i = dynamo.getItem(b -> b.tableName(table)
                .key(Items.key("replyId", replyId)).consistentRead(true)).item();
        if (i == null || i.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OutboxEntry(replyId, Items.str(i, "commandId"), Items.str(i, "threadId"),
                Channel.valueOf(Items.str(i, "channel")), Items.str(i, "destination"), Items.str(i, "subject"),
                Items.str(i, "body"), Items.str(i, "messageId"), OutboxEntry.Status.valueOf(Items.str(i, "status")),
                Items.num(i, "attempts", 0), Items.str(i, "providerMessageId"), Items.str(i, "lastError"),
                Items.num(i, "createdAt", 0)));
    }

    @Override
    public void putPending(OutboxEntry e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("replyId", s(e.replyId()));
        item.put("commandId", s(e.commandId()));
        item.put("threadId", s(e.threadId()));
        item.put("channel", s(e.channel().name()));
        item.put("destination", s(e.destination()));
        item.put("subject", s(e.subject()));
        item.put("body", s(e.body()));
        item.put("messageId", s(e.messageId()));
        item.put("status", s(OutboxEntry.Status.PENDING.name()));
        item.put("attempts", n(0));
        item.put("createdAt", n(e.createdAt()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(replyId)"));
        } catch (ConditionalCheckFailedException ignored) {
            // Recorded by an earlier delivery of the same result.
        }
    }

    @Override
    public void markSent(String replyId, String providerMessageId) {
        dynamo.updateItem(b -> b.tableName(table).key(Items.key("replyId", replyId))
                .updateExpression("SET #s = :sent, providerMessageId = :p, sentAt = :now ADD attempts :one")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":sent", s(OutboxEntry.Status.SENT.name()),
                        ":p", s(providerMessageId), ":now", n(clock.millis()), ":one", n(1))));
    }

    @Override
    public void markAttemptFailed(String replyId, String reason) {
        dynamo.updateItem(b -> b.tableName(table).key(Items.key("replyId", replyId))
                .updateExpression("SET lastError = :e, updatedAt = :now ADD attempts :one")
                .expressionAttributeValues(Map.of(":e", s(reason == null ? "unknown" : reason),
                        ":now", n(clock.millis()), ":one", n(1))));
    }
}
