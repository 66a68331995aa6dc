package dev.hermes.orchestrator.idempotency;

import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;

import dev.hermes.orchestrator.config.ApiConfig;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.secret.Secret;
import dev.hermes.protocol.secret.SecretCipher;
import dev.hermes.protocol.table.IdempotencyTable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code idempotency} table. A claim is a conditional put (no live entry for the key); the
 * stored body is sealed, since a response may carry a token shown once. Entries expire by the table's
 * TTL on {@code expiresAt}, and an expired one is treated as absent before DynamoDB removes it. A
 * claim whose request never finished expires after {@value #PENDING_MINUTES} minutes.
 */
@Singleton
public class DynamoDbIdempotencyStore implements IdempotencyStore {
    static final int PENDING_MINUTES = 5;
    private static final String PENDING = "PENDING";
    private static final String DONE = "DONE";
    private final DynamoDbClient dynamo;
    private final String table;
    private final SecretCipher cipher;
    private final Clock clock;
    private final Duration ttl;

    public DynamoDbIdempotencyStore(DynamoDbClient dynamo, TablesConfig tables, SecretCipher cipher, Clock clock,
                                    ApiConfig config) {
        this.dynamo = dynamo;
        this.table = tables.names().idempotency();
        this.cipher = cipher;
        this.clock = clock;
        this.ttl = config.idempotencyTtl();
    }

    @Override
    public Optional<StoredResponse> find(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Items.key(IdempotencyTable.KEY, key)).consistentRead(true)).item();
        if (item == null || item.isEmpty() || Items.num(item, IdempotencyTable.EXPIRES_AT, 0) <= nowSeconds()) {
            return Optional.empty();
        }
        boolean done = DONE.equals(Items.str(item, IdempotencyTable.STATE));
        String sealed = Items.str(item, IdempotencyTable.BODY);
        byte[] body = sealed == null ? new byte[0]
                : cipher.open(record(key), IdempotencyTable.BODY, sealed).reveal().getBytes(StandardCharsets.UTF_8);
        return Optional.of(new StoredResponse(Items.str(item, IdempotencyTable.REQUEST_HASH), done,
                (int) Items.num(item, IdempotencyTable.STATUS, 0), body));
    }

    @Override
    public boolean claim(String key, String requestHash) {
        long now = clock.millis();
        try {
            dynamo.putItem(b -> b.tableName(table).item(Map.of(
                            IdempotencyTable.KEY, s(key),
                            IdempotencyTable.REQUEST_HASH, s(requestHash),
                            IdempotencyTable.STATE, s(PENDING),
                            IdempotencyTable.CREATED_AT, n(now),
                            IdempotencyTable.EXPIRES_AT, n(now / 1000 + Duration.ofMinutes(PENDING_MINUTES).toSeconds())))
                    .conditionExpression("attribute_not_exists(#k) OR #e <= :now")
                    .expressionAttributeNames(Map.of("#k", IdempotencyTable.KEY, "#e", IdempotencyTable.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", n(now / 1000))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void complete(String key, String requestHash, int status, byte[] body) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":done", s(DONE));
        values.put(":pending", s(PENDING));
        values.put(":hash", s(requestHash));
        values.put(":status", n(status));
        values.put(":expires", n(clock.millis() / 1000 + ttl.toSeconds()));
        Map<String, String> names = new HashMap<>(Map.of("#st", IdempotencyTable.STATE, "#status", IdempotencyTable.STATUS,
                "#e", IdempotencyTable.EXPIRES_AT, "#h", IdempotencyTable.REQUEST_HASH));
        String set = "SET #st = :done, #status = :status, #e = :expires";
        if (body.length > 0) {
            names.put("#b", IdempotencyTable.BODY);
            values.put(":body", s(cipher.seal(record(key), IdempotencyTable.BODY,
                    Secret.of(new String(body, StandardCharsets.UTF_8)))));
            set += ", #b = :body";
        }
        String update = set;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Items.key(IdempotencyTable.KEY, key))
                    .updateExpression(update)
                    .conditionExpression("#st = :pending AND #h = :hash")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // The claim expired and another request took the key: its response is the one kept.
        }
    }

    @Override
    public void release(String key, String requestHash) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Items.key(IdempotencyTable.KEY, key))
                    .conditionExpression("#st = :pending AND #h = :hash")
                    .expressionAttributeNames(Map.of("#st", IdempotencyTable.STATE, "#h", IdempotencyTable.REQUEST_HASH))
                    .expressionAttributeValues(Map.of(":pending", s(PENDING), ":hash", s(requestHash))));
        } catch (ConditionalCheckFailedException e) {
            // someone else's now
        }
    }

    private long nowSeconds() {
        return clock.millis() / 1000;
    }

    private static String record(String key) {
        return "idempotency:" + key;
    }
}
