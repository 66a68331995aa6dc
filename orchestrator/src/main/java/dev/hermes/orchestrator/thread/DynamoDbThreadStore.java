package dev.hermes.orchestrator.thread;

import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.state.Channel;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Update;

@Singleton
public class DynamoDbThreadStore implements ThreadStore {
    private static final int BATCH_GET_LIMIT = 100;
    private final DynamoDbClient dynamo;
    private final String threads;
    private final String threadKeys;

    public DynamoDbThreadStore(DynamoDbClient dynamo, TablesConfig tables) {
        this.dynamo = dynamo;
        this.threads = tables.names().threads();
        this.threadKeys = tables.names().threadKeys();
    }

    @Override
    public Optional<ThreadRecord> find(ThreadId threadId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(threads)
                .key(Items.key("threadId", threadId.value())).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(item));
    }

    @Override
    public List<ThreadRecord> recent(ContainerKey container, int limit) {
        return dynamo.query(b -> b.tableName(threads).indexName(TableNames.THREADS_BY_CONTAINER)
                        .keyConditionExpression("containerKey = :k")
                        .expressionAttributeValues(Map.of(":k", s(container.value())))
                        .scanIndexForward(false).limit(limit))
                .items().stream().map(DynamoDbThreadStore::read).toList();
    }

    private static ThreadRecord read(Map<String, AttributeValue> item) {
        return new ThreadRecord(new ThreadId(Items.str(item, "threadId")),
                ContainerKey.parse(Items.str(item, "containerKey")),
                Channel.valueOf(Items.str(item, "channel")),
                Items.str(item, "rootKey"),
                Items.str(item, "subject"),
                Items.num(item, "createdAt", 0),
                Items.num(item, "lastActivityAt", 0),
                Items.num(item, "messageCount", 0));
    }

    @Override
    public Map<String, ThreadId> lookup(Collection<String> keys) {
        Map<String, ThreadId> found = new HashMap<>();
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(keys));
        for (int from = 0; from < unique.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> batch = unique.subList(from, Math.min(unique.size(), from + BATCH_GET_LIMIT))
                    .stream().map(k -> Items.key("key", k)).toList();
            Map<String, KeysAndAttributes> request = Map.of(threadKeys,
                    KeysAndAttributes.builder().keys(batch).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(pending));
                response.responses().getOrDefault(threadKeys, List.of()).forEach(item ->
                        found.put(Items.str(item, "key"), new ThreadId(Items.str(item, "threadId"))));
                request = response.unprocessedKeys();
            }
        }
        return found;
    }

    @Override
    public boolean create(ThreadRecord t) {
        try {
            Put put = ThreadItems.create(threads, t);
            dynamo.putItem(b -> b.tableName(threads).item(put.item()).conditionExpression(put.conditionExpression()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void recordKey(String key, ThreadId threadId) {
        try {
            dynamo.putItem(b -> b.tableName(threadKeys)
                    .item(Map.of("key", s(key), "threadId", s(threadId.value()),
                            "createdAt", n(System.currentTimeMillis())))
                    .conditionExpression("attribute_not_exists(#k)")
                    .expressionAttributeNames(Map.of("#k", "key")));
        } catch (ConditionalCheckFailedException e) {
            // Already known: the first thread to claim a key keeps it.
        }
    }

    @Override
    public void pointKey(String key, ThreadId threadId) {
        dynamo.putItem(b -> b.tableName(threadKeys)
                .item(Map.of("key", s(key), "threadId", s(threadId.value()),
                        "createdAt", n(System.currentTimeMillis()))));
    }

    @Override
    public void touch(ThreadId threadId, long at) {
        Update touch = ThreadItems.touch(threads, threadId, at);
        dynamo.updateItem(b -> b.tableName(touch.tableName()).key(touch.key())
                .updateExpression(touch.updateExpression())
                .conditionExpression(touch.conditionExpression())
                .expressionAttributeValues(touch.expressionAttributeValues()));
    }
}
