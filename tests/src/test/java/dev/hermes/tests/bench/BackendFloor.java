package dev.hermes.tests.bench;

import dev.hermes.orchestrator.thread.ThreadItems;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.naming.TableNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The least backend work a new-thread message needs, done by the benchmark's own clients with no
 * orchestrator in between: the records DESIGN §4 asks for (the command, the thread, its Message-ID
 * in {@code thread-keys}) in one transaction for {@code batch} messages at a time, then one
 * {@code SendMessageBatch} of their commands. Items are copies of what Hermes itself wrote in the
 * routed phase, under new keys. No HTTP, no parsing, no sequence numbers, no QUEUED status: its rate
 * is the most any intake that keeps those records could route on the same emulators.
 */
final class BackendFloor {
    /** Three actions a message, at most 100 a transaction. */
    static final int MAX_BATCH = 33;
    private static final int MAX_SEND = 10;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final TableNames tables;
    private final String queueUrl;
    private final int batch;
    private final Map<String, AttributeValue> command;
    private final Map<String, AttributeValue> thread;
    private final String body;

    private BackendFloor(DynamoDbClient dynamo, SqsClient sqs, TableNames tables, String queueUrl, int batch,
                         Map<String, AttributeValue> command, Map<String, AttributeValue> thread, String body) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.tables = tables;
        this.queueUrl = queueUrl;
        this.batch = Math.min(batch, MAX_BATCH);
        this.command = command;
        this.thread = thread;
        this.body = body;
    }

    /** Takes one command and one thread that the routed phase wrote as the shape of every floor message. */
    static BackendFloor sampledFrom(DynamoDbClient dynamo, SqsClient sqs, TableNames tables, String queueUrl, int batch,
                                    String body) {
        Map<String, AttributeValue> command = dynamo.scan(b -> b.tableName(tables.commands()).limit(1)).items().get(0);
        Map<String, AttributeValue> thread = dynamo.scan(b -> b.tableName(tables.threads()).limit(1)).items().get(0);
        return new BackendFloor(dynamo, sqs, tables, queueUrl, batch, command, thread, body);
    }

    int batch() {
        return batch;
    }

    /** The writes and the send of messages {@code first} to {@code first + batch - 1}. */
    void route(int first) {
        List<TransactWriteItem> writes = new ArrayList<>();
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int k = 0; k < batch; k++) {
            String id = "floor" + (first + k);
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(k % MAX_SEND)).messageBody(body)
                    .messageGroupId("sample#alice").messageDeduplicationId(id).build());
            String messageId = "<" + id + "@bench>";
            ThreadId threadId = ThreadId.fromRootKey(messageId, 0);
            Map<String, AttributeValue> c = new HashMap<>(command);
            c.put("commandId", AttributeValue.fromS(id));
            c.put("threadId", AttributeValue.fromS(threadId.value()));
            Map<String, AttributeValue> t = new HashMap<>(thread);
            t.put("threadId", AttributeValue.fromS(threadId.value()));
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tables.commands()).item(c)
                    .conditionExpression("attribute_not_exists(commandId)").build()).build());
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tables.threads()).item(t)
                    .conditionExpression("attribute_not_exists(threadId)").build()).build());
            writes.add(TransactWriteItem.builder().update(ThreadItems.firstWriterKey(tables.threadKeys(), messageId,
                    threadId, now)).build());
        }
        dynamo.transactWriteItems(b -> b.transactItems(writes));
        for (int from = 0; from < entries.size(); from += MAX_SEND) {
            List<SendMessageBatchRequestEntry> chunk = entries.subList(from, Math.min(entries.size(), from + MAX_SEND));
            sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(chunk));
        }
    }
}
