package dev.hermes.worker.poll;

import static dev.hermes.protocol.table.ContainersTable.CONTAINER_KEY;
import static dev.hermes.protocol.table.ContainersTable.CTL_QUEUE_URL;
import static dev.hermes.protocol.table.ContainersTable.IN_QUEUE_URL;
import static dev.hermes.protocol.table.ContainersTable.OUT_QUEUE_URL;

import dev.hermes.protocol.id.ContainerKey;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the queue URLs from the container's item in the {@code containers} table. */
public final class DynamoDbQueueUrls {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbQueueUrls(DynamoDbClient dynamoDb, String containersTable) {
        this.dynamoDb = dynamoDb;
        this.table = containersTable;
    }

    /** @throws ContainerNotFoundException when the item or its in/out queue URLs are missing */
    public QueueUrls load(ContainerKey key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b
                .tableName(table)
                .key(Map.of(CONTAINER_KEY, AttributeValue.fromS(key.value())))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            throw new ContainerNotFoundException(key, "no item in " + table);
        }
        String in = text(item, IN_QUEUE_URL);
        String out = text(item, OUT_QUEUE_URL);
        if (in == null || out == null) {
            throw new ContainerNotFoundException(key, "the item has no " + (in == null ? IN_QUEUE_URL : OUT_QUEUE_URL));
        }
        return new QueueUrls(in, text(item, CTL_QUEUE_URL), out);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null || value.s().isBlank() ? null : value.s();
    }
}
