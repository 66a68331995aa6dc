package dev.hermes.orchestrator.reply;

import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;
import static dev.hermes.protocol.table.OutboxTable.*;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Cursors;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.ReplyStatus;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The outbox on DynamoDB. PENDING rows carry {@code dueChannel}, the hash key of the sparse
 * {@code due} index (range {@code nextAttemptAt}); every final status removes it, so the index only
 * ever holds replies that wait.
 */
@Singleton
public class DynamoDbOutboxStore implements OutboxStore {
    private static final String PENDING = ReplyStatus.PENDING.name();
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbOutboxStore(DynamoDbClient dynamo, TablesConfig tables) {
        this.dynamo = dynamo;
        this.table = tables.names().outbox();
    }

    @Override
    public Optional<OutboxEntry> find(String replyId) {
        Map<String, AttributeValue> i = dynamo.getItem(b -> b.tableName(table)
                .key(Items.key(REPLY_ID, replyId)).consistentRead(true)).item();
        return i == null || i.isEmpty() ? Optional.empty() : Optional.of(OutboxItems.entry(i));
    }

    @Override
    public boolean record(Reply reply, ReplyStatus status, long now) {
        if (status != ReplyStatus.PENDING && status != ReplyStatus.HELD) {
            throw new IllegalArgumentException("a reply is recorded PENDING or HELD, not " + status);
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(OutboxItems.item(reply, status, now))
                    .conditionExpression("attribute_not_exists(replyId)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // recorded by an earlier delivery of the same result
        }
    }

    @Override
    public List<String> due(Channel channel, long now, int limit) {
        return dynamo.query(b -> b.tableName(table).indexName(TableNames.OUTBOX_DUE).limit(limit)
                        .keyConditionExpression("dueChannel = :c AND nextAttemptAt <= :now")
                        .expressionAttributeValues(Map.of(":c", s(channel.name()), ":now", n(now))))
                .items().stream().map(i -> Items.str(i, REPLY_ID)).toList();
    }

    @Override
    public Optional<OutboxEntry> claim(String replyId, String token, long now, long claimUntil) {
        try {
            Map<String, AttributeValue> after = dynamo.updateItem(b -> b.tableName(table).key(Items.key(REPLY_ID, replyId))
                    .updateExpression("SET nextAttemptAt = :until, claim = :token, updatedAt = :now ADD attempts :one")
                    .conditionExpression("#s = :pending AND nextAttemptAt <= :now")
                    .expressionAttributeNames(Map.of("#s", STATUS))
                    .expressionAttributeValues(Map.of(":until", n(claimUntil), ":token", s(token), ":now", n(now),
                            ":one", n(1), ":pending", s(PENDING)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(OutboxItems.entry(after));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean markSent(String replyId, String providerMessageId, long now) {
        ReplyStatus.PENDING.checkMoveTo(ReplyStatus.SENT);
        // Not conditioned on the claim: once a provider took the reply, that is the truth to record.
        return update(replyId, "SET #s = :to, providerMessageId = :p, sentAt = :now, updatedAt = :now "
                + "REMOVE dueChannel, claim, lastError", "#s = :pending",
                Map.of(":to", s(ReplyStatus.SENT.name()), ":p", s(providerMessageId), ":now", n(now), ":pending", s(PENDING)));
    }

    @Override
    public boolean retryLater(String replyId, String token, String error, long at, long now) {
        return update(replyId, "SET nextAttemptAt = :at, lastError = :e, updatedAt = :now REMOVE claim",
                "#s = :pending AND claim = :token", Map.of(":at", n(at), ":e", s(OutboxItems.shortError(error)),
                        ":now", n(now), ":pending", s(PENDING), ":token", s(token)));
    }

    @Override
    public boolean finish(String replyId, String token, ReplyStatus status, String reason, long now) {
        if (status != ReplyStatus.FAILED && status != ReplyStatus.SKIPPED) {
            throw new IllegalArgumentException("finish is FAILED or SKIPPED, not " + status);
        }
        ReplyStatus.PENDING.checkMoveTo(status);
        return update(replyId, "SET #s = :to, lastError = :e, updatedAt = :now REMOVE dueChannel, claim",
                "#s = :pending AND claim = :token", Map.of(":to", s(status.name()), ":e", s(OutboxItems.shortError(reason)),
                        ":now", n(now), ":pending", s(PENDING), ":token", s(token)));
    }

    private boolean update(String replyId, String expression, String condition, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Items.key(REPLY_ID, replyId)).updateExpression(expression)
                    .conditionExpression(condition).expressionAttributeNames(Map.of("#s", STATUS))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public OutboxPage list(String cursor, int limit, ReplyStatus status) {
        List<OutboxEntry> entries = new ArrayList<>();
        Map<String, AttributeValue> start = cursor == null ? null : Items.key(REPLY_ID, Cursors.decode(cursor));
        while (true) {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table).consistentRead(true).limit(limit)
                    .exclusiveStartKey(start);
            if (status != null) {
                Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", s(status.name())));
                scan.filterExpression("#s = :s").expressionAttributeNames(Map.of("#s", STATUS))
                        .expressionAttributeValues(values);
            }
            ScanResponse page = dynamo.scan(scan.build());
            for (Map<String, AttributeValue> item : page.items()) {
                entries.add(OutboxItems.entry(item));
                if (entries.size() == limit) {
                    return new OutboxPage(entries, Cursors.encode(Items.str(item, REPLY_ID)));
                }
            }
            // Filtered scans return short pages: read on until the page is full or the table ends.
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return new OutboxPage(entries, null);
            }
            start = page.lastEvaluatedKey();
        }
    }
}
