package dev.hermes.tests.bench;

import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * What the emulators charge per request and per item, with the orchestrator's own SDK clients:
 * single conditional puts against {@code TransactWriteItems} of n items, {@code SendMessage}
 * against {@code SendMessageBatch}; and what a cancelled transaction reports. The numbers behind
 * the intake's group commit (BENCHMARKS.md).
 *
 * <p>Run: {@code ./mvnw -B -q -Pbench -DskipTests -pl tests -am verify -Dbench.main=dev.hermes.tests.bench.BackendCosts}
 * ({@code -Dbench.rounds=N}: rounds of every figure, 2 by default; the JIT needs about six).
 */
public final class BackendCosts {
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
    private static final int ITEMS = Integer.getInteger("bench.items", 4000);
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final String KILOBYTE = "y".repeat(1000);

    private BackendCosts() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("hermes-costs");
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        try (LocalHermes hermes = LocalHermes.start(LocalOptions.forTests(root, repo.resolve("examples/local.yml"),
                root.resolve("no-worker.jar"), 60))) {
            DynamoDbClient dynamo = hermes.context().getBean(DynamoDbClient.class);
            SqsClient sqs = hermes.context().getBean(SqsClient.class);
            cancellationReasons(dynamo);
            if (Boolean.getBoolean("bench.indexes")) {
                indexCosts(dynamo);
                System.exit(0);
            }
            System.out.printf("%nBackend costs: %d clients, %d items per figure, %d cores%n", CONCURRENCY, ITEMS,
                    Runtime.getRuntime().availableProcessors());
            for (int round = 0; round < Integer.getInteger("bench.rounds", 2); round++) {
                String label = round == 0 ? "(warm-up) " : "";
                System.out.printf("  %sPutItem (conditional)         : %8.1f items/s%n", label,
                        rate(1, i -> dynamo.putItem(b -> b.tableName("hermes-thread-keys").item(item())
                                .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", "key")))));
                for (int n : new int[]{4, 8, 16, 32, 64, 100}) {
                    System.out.printf("  %sTransactWriteItems of %3d      : %8.1f items/s%n", label, n,
                            rate(n, i -> dynamo.transactWriteItems(b -> b.transactItems(puts(n)))));
                }
                for (int n : new int[]{8, 25}) {
                    System.out.printf("  %sBatchExecuteStatement of %2d   : %8.1f items/s%n", label, n,
                            rate(n, i -> dynamo.batchExecuteStatement(b -> b.statements(updates(n)))));
                }
                String queue = sqs.createQueue(b -> b.queueName("costs.fifo").attributes(Map.of(
                        QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false")))
                        .queueUrl();
                String body = "x".repeat(600);
                System.out.printf("  %sSendMessage (FIFO)            : %8.1f msgs/s%n", label,
                        rate(1, i -> sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body).messageGroupId("g")
                                .messageDeduplicationId("d" + IDS.incrementAndGet()))));
                System.out.printf("  %sSendMessageBatch of 10 (FIFO) : %8.1f msgs/s%n", label,
                        rate(10, i -> sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries(body)))));
                sqs.purgeQueue(b -> b.queueUrl(queue));
            }
        }
        System.exit(0);
    }

    /**
     * What a secondary index adds to each write: transactions of ten 1 KB puts into a table without
     * an index, with one projecting ALL, and with one projecting KEYS_ONLY.
     */
    private static void indexCosts(DynamoDbClient dynamo) throws Exception {
        Map<String, software.amazon.awssdk.services.dynamodb.model.ProjectionType> tables = new java.util.LinkedHashMap<>();
        tables.put("costs-plain", null);
        tables.put("costs-all", software.amazon.awssdk.services.dynamodb.model.ProjectionType.ALL);
        tables.put("costs-keys", software.amazon.awssdk.services.dynamodb.model.ProjectionType.KEYS_ONLY);
        tables.forEach((name, projection) -> dynamo.createTable(b -> {
            b.tableName(name).billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("id").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"));
            if (projection != null) {
                b.attributeDefinitions(a -> a.attributeName("id").attributeType("S"),
                        a -> a.attributeName("threadId").attributeType("S"),
                        a -> a.attributeName("createdAt").attributeType("N"));
                b.globalSecondaryIndexes(g -> g.indexName("by-thread").projection(p -> p.projectionType(projection))
                        .keySchema(k -> k.attributeName("threadId").keyType("HASH"),
                                k -> k.attributeName("createdAt").keyType("RANGE")));
            }
        }));
        for (int round = 0; round < 4; round++) {
            for (String name : tables.keySet()) {
                double rate = rate(10, i -> dynamo.transactWriteItems(b -> b.transactItems(tenPuts(name, n -> "t" + n % 50))));
                System.out.printf("  %sputs of 1 KB into %-12s: %8.1f items/s%n", round < 3 ? "(warm-up) " : "", name, rate);
            }
            // A status change of existing items, conditioned on the status, as RECEIVED -> QUEUED is.
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < ITEMS; k++) {
                ids.add("u" + IDS.incrementAndGet());
            }
            for (int from = 0; from < ids.size(); from += 25) {
                List<String> chunk = ids.subList(from, from + 25);
                dynamo.batchWriteItem(b -> b.requestItems(Map.of("costs-all", chunk.stream().map(id -> {
                    Map<String, AttributeValue> item = new HashMap<>(kilobyteItem(id, "t1", 1));
                    item.put("status", AttributeValue.fromS("A"));
                    return WriteRequest.builder().putRequest(r -> r.item(item)).build();
                }).toList())));
            }
            AtomicInteger next = new AtomicInteger();
            String from = round % 2 == 0 ? "A" : "B";
            String to = round % 2 == 0 ? "B" : "A";
            double partiql = rate(25, i -> {
                int start = next.getAndAdd(25) % ids.size();
                dynamo.batchExecuteStatement(b -> b.statements(ids.subList(start, Math.min(ids.size(), start + 25)).stream()
                        .map(id -> BatchStatementRequest.builder()
                                .statement("UPDATE \"costs-all\" SET status = ? WHERE id = ? AND status = ?")
                                .parameters(AttributeValue.fromS(to), AttributeValue.fromS(id), AttributeValue.fromS(from))
                                .build()).toList()));
            });
            next.set(0);
            double transaction = rate(25, i -> {
                int start = next.getAndAdd(25) % ids.size();
                dynamo.transactWriteItems(b -> b.transactItems(ids.subList(start, Math.min(ids.size(), start + 25)).stream()
                        .map(id -> TransactWriteItem.builder().update(Update.builder().tableName("costs-all")
                                .key(Map.of("id", AttributeValue.fromS(id)))
                                .updateExpression("SET #s = :to").conditionExpression("#s = :from")
                                .expressionAttributeNames(Map.of("#s", "status"))
                                .expressionAttributeValues(Map.of(":to", AttributeValue.fromS(from),
                                        ":from", AttributeValue.fromS(to))).build()).build()).toList()));
            });
            System.out.printf("  %sstatus updates of 25 items     : PartiQL batch %8.1f items/s, transaction %8.1f items/s%n",
                    round < 3 ? "(warm-up) " : "", partiql, transaction);
        }
        growthCosts(dynamo);
    }

    /** Whether DynamoDB Local's cost per put grows with the items its table (and its index) hold. */
    private static void growthCosts(DynamoDbClient dynamo) throws Exception {
        for (int stored = 0; stored <= 40_000; stored += 10_000) {
            double rate = rate(10, i -> dynamo.transactWriteItems(b -> b.transactItems(tenPuts("costs-all",
                    n -> "one-partition"))));
            long t0 = System.nanoTime();
            for (int q = 0; q < 20; q++) {
                dynamo.query(b -> b.tableName("costs-all").indexName("by-thread").limit(1).scanIndexForward(true)
                        .keyConditionExpression("threadId = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("one-partition"))));
            }
            System.out.printf("  puts into costs-all with ~%6d items, one index partition: %8.1f items/s;"
                    + " a Query with Limit 1 of that partition: %.1f ms%n", stored + ITEMS, rate,
                    (System.nanoTime() - t0) / 1e6 / 20);
            for (int from = 0; from < 10_000 - ITEMS; from += 25) {
                List<WriteRequest> batch = new ArrayList<>();
                for (int k = 0; k < 25; k++) {
                    int n = IDS.incrementAndGet();
                    batch.add(WriteRequest.builder().putRequest(r -> r.item(kilobyteItem("f" + n, "one-partition", n))).build());
                }
                dynamo.batchWriteItem(b -> b.requestItems(Map.of("costs-all", batch)));
            }
        }
    }

    /** A command-sized item: its id, an index partition ({@code threadId}), a sort key and 1 KB of text. */
    private static Map<String, AttributeValue> kilobyteItem(String id, String threadId, long createdAt) {
        return Map.of("id", AttributeValue.fromS(id), "threadId", AttributeValue.fromS(threadId),
                "createdAt", AttributeValue.fromN(Long.toString(createdAt)), "instruction", AttributeValue.fromS(KILOBYTE));
    }

    /** Ten conditional puts of new 1 KB items into {@code table}, each in the index partition {@code threadOf} names. */
    private static List<TransactWriteItem> tenPuts(String table, java.util.function.IntFunction<String> threadOf) {
        List<TransactWriteItem> puts = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            int n = IDS.incrementAndGet();
            puts.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(kilobyteItem("c" + n, threadOf.apply(n), n))
                    .conditionExpression("attribute_not_exists(id)").build()).build());
        }
        return puts;
    }

    /** A transaction of three puts whose second fails its condition: what does the caller learn? */
    private static void cancellationReasons(DynamoDbClient dynamo) {
        Map<String, AttributeValue> taken = item();
        dynamo.putItem(b -> b.tableName("hermes-thread-keys").item(taken));
        List<TransactWriteItem> items = new ArrayList<>(puts(1));
        items.add(TransactWriteItem.builder().put(conditional(taken)).build());
        items.add(TransactWriteItem.builder().update(Update.builder().tableName("hermes-thread-keys")
                .key(Map.of("key", AttributeValue.fromS("k-first-writer")))
                .updateExpression("SET threadId = if_not_exists(threadId, :t)")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("bbbbbbbb"))).build()).build());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
            System.out.println("cancellation: the transaction was NOT cancelled");
        } catch (TransactionCanceledException e) {
            List<String> codes = e.cancellationReasons().stream().map(CancellationReason::code).toList();
            System.out.println("cancellation: hasCancellationReasons=" + e.hasCancellationReasons() + " codes=" + codes
                    + " message=" + e.getMessage());
        }
        Map<String, AttributeValue> other = item();
        dynamo.putItem(b -> b.tableName("hermes-thread-keys").item(other));
        List<BatchStatementResponse> answers = dynamo.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder()
                        .statement("UPDATE \"hermes-thread-keys\" SET threadId = ? WHERE \"key\" = ? AND threadId = ?")
                        .parameters(AttributeValue.fromS("dddddddd"), other.get("key"), AttributeValue.fromS("aaaaaaaa")).build(),
                BatchStatementRequest.builder()
                        .statement("UPDATE \"hermes-thread-keys\" SET threadId = ? WHERE \"key\" = ? AND threadId = ?")
                        .parameters(AttributeValue.fromS("dddddddd"), taken.get("key"), AttributeValue.fromS("zzzzzzzz")).build()))
                .responses();
        System.out.println("partiql batch: " + answers.stream().map(r -> r.error() == null ? "ok" : r.error().codeAsString()).toList()
                + " then " + dynamo.getItem(b -> b.tableName("hermes-thread-keys").key(Map.of("key", other.get("key")))).item().get("threadId").s());
        List<TransactWriteItem> same = List.of(TransactWriteItem.builder().put(conditional(taken)).build(),
                TransactWriteItem.builder().put(conditional(taken)).build());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(same));
            System.out.println("same item twice: accepted");
        } catch (RuntimeException e) {
            System.out.println("same item twice: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /** Items per second with {@link #CONCURRENCY} clients, each call carrying {@code perCall} items. */
    private static double rate(int perCall, IntakeBenchmark.Task call) throws Exception {
        int calls = Math.max(CONCURRENCY, ITEMS / perCall);
        return IntakeBenchmark.saturate(call, 0, calls, CONCURRENCY) * perCall;
    }

    private static Map<String, AttributeValue> item() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("key", AttributeValue.fromS("costs:" + IDS.incrementAndGet()));
        item.put("threadId", AttributeValue.fromS("aaaaaaaa"));
        item.put("createdAt", AttributeValue.fromN(Long.toString(System.currentTimeMillis())));
        return item;
    }

    private static Put conditional(Map<String, AttributeValue> item) {
        return Put.builder().tableName("hermes-thread-keys").item(item)
                .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", "key")).build();
    }

    private static List<TransactWriteItem> puts(int n) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(TransactWriteItem.builder().put(conditional(item())).build());
        }
        return items;
    }

    /** PartiQL updates conditioned on the item's state, as the QUEUED status update is. */
    private static List<BatchStatementRequest> updates(int n) {
        List<BatchStatementRequest> statements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = "costs:" + IDS.incrementAndGet();
            statements.add(BatchStatementRequest.builder()
                    .statement("UPDATE \"hermes-thread-keys\" SET threadId = ? WHERE \"key\" = ? AND threadId = ?")
                    .parameters(AttributeValue.fromS("cccccccc"), AttributeValue.fromS(key), AttributeValue.fromS("aaaaaaaa"))
                    .build());
        }
        return statements;
    }

    private static List<SendMessageBatchRequestEntry> entries(String body) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int id = IDS.incrementAndGet();
            entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(body).messageGroupId("g")
                    .messageDeduplicationId("d" + id).build());
        }
        return entries;
    }
}
