package dev.hermes.orchestrator.thread;

import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;

import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.ThreadId;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The writes of {@code threads} and {@code thread-keys}, shared by single requests and transactions. */
public final class ThreadItems {
    private ThreadItems() {
    }

    /** Creates the thread unless its id is taken. */
    public static Put create(String table, ThreadRecord t) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("threadId", s(t.threadId().value()));
        item.put("containerKey", s(t.containerKey().value()));
        item.put("projectId", s(t.containerKey().project().value()));
        item.put("userId", s(t.containerKey().user().value()));
        item.put("branch", s(t.branch()));
        item.put("channel", s(t.channel().name()));
        item.put("rootKey", s(t.rootKey()));
        item.put("subject", s(t.subject()));
        item.put("createdAt", n(t.createdAt()));
        item.put("lastActivityAt", n(t.lastActivityAt()));
        item.put("messageCount", n(t.messageCount()));
        item.put("version", n(1));
        return Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(threadId)").build();
    }

    /** One more message in an existing thread. */
    public static Update touch(String table, ThreadId threadId, long at) {
        return Update.builder().tableName(table).key(Items.key("threadId", threadId.value()))
                .updateExpression("SET lastActivityAt = :at ADD messageCount :one, version :one")
                .conditionExpression("attribute_exists(threadId)")
                .expressionAttributeValues(Map.of(":at", n(at), ":one", n(1)))
                .build();
    }

    /**
     * {@code key -> threadId} unless the key already names a thread (the first writer keeps it). An
     * update without a condition, so that it never cancels the transaction it is part of.
     */
    public static Update firstWriterKey(String table, String key, ThreadId threadId, long at) {
        return Update.builder().tableName(table).key(Items.key("key", key))
                .updateExpression("SET threadId = if_not_exists(threadId, :t), createdAt = if_not_exists(createdAt, :at)")
                .expressionAttributeValues(Map.of(":t", s(threadId.value()), ":at", n(at)))
                .build();
    }
}
