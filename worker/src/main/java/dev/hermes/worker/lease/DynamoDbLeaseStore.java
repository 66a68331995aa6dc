package dev.hermes.worker.lease;

import static dev.hermes.protocol.table.ContainersTable.CONTAINER_KEY;
import static dev.hermes.protocol.table.ContainersTable.LAST_ACTIVITY_AT;
import static dev.hermes.protocol.table.ContainersTable.LEASE_EXPIRES_AT;
import static dev.hermes.protocol.table.ContainersTable.LEASE_OWNER;
import static dev.hermes.protocol.table.ContainersTable.LEASE_VERSION;
import static dev.hermes.protocol.table.ContainersTable.RUNNING_COMMAND;
import static dev.hermes.protocol.table.ContainersTable.RUNNING_THREAD;
import static dev.hermes.protocol.table.ContainersTable.STARTING_AT;
import static dev.hermes.protocol.table.ContainersTable.STATUS;

import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.ContainerStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The lease as attributes of the container's item in the {@code containers} table. */
public final class DynamoDbLeaseStore implements LeaseStore {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ContainerKey containerKey;
    private final Clock clock;

    public DynamoDbLeaseStore(DynamoDbClient dynamoDb, String containersTable, ContainerKey containerKey, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = containersTable;
        this.containerKey = containerKey;
        this.clock = clock;
    }

    @Override
    public Lease acquire(String owner, Duration duration) {
        return acquireGrant(owner, duration).lease();
    }

    /** One conditional update; the row as it was (ALL_OLD) tells a takeover and a cold start's start time. */
    @Override
    public LeaseGrant acquireGrant(String owner, Duration duration) {
        long now = clock.millis();
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(table)
                .key(key())
                .updateExpression("SET #owner = :me, #expires = :exp, #status = :running, #activity = :now"
                        + " ADD #version :one")
                .conditionExpression("attribute_exists(#key) AND (attribute_not_exists(#owner)"
                        + " OR #expires < :now OR #owner = :me)")
                .expressionAttributeNames(Map.of("#key", CONTAINER_KEY, "#owner", LEASE_OWNER,
                        "#expires", LEASE_EXPIRES_AT, "#status", STATUS, "#activity", LAST_ACTIVITY_AT,
                        "#version", LEASE_VERSION))
                .expressionAttributeValues(Map.of(
                        ":me", s(owner),
                        ":exp", n(now + duration.toMillis()),
                        ":running", s(ContainerStatus.RUNNING.name()),
                        ":now", n(now),
                        ":one", n(1)))
                .returnValues(ReturnValue.ALL_OLD)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        try {
            Map<String, AttributeValue> before = dynamoDb.updateItem(request).attributes();
            long version = number(before, LEASE_VERSION, 0) + 1; // what ADD #version :one wrote
            AttributeValue previousOwner = before.get(LEASE_OWNER);
            boolean takeover = previousOwner != null && !owner.equals(previousOwner.s());
            boolean starting = before.containsKey(STATUS)
                    && ContainerStatus.STARTING.name().equals(before.get(STATUS).s()) && before.containsKey(STARTING_AT);
            return new LeaseGrant(new Lease(containerKey, owner, version), takeover,
                    starting ? number(before, STARTING_AT, 0) : null);
        } catch (ConditionalCheckFailedException e) {
            String holder = "another worker";
            if (e.hasItem() && e.item().containsKey(LEASE_OWNER)) {
                AttributeValue expires = e.item().get(LEASE_EXPIRES_AT);
                holder = e.item().get(LEASE_OWNER).s() + " until " + (expires == null ? "?" : expires.n());
            }
            throw new LeaseNotGrantedException(containerKey, "held by " + holder + " (now " + now + ")");
        }
    }

    @Override
    public void renew(Lease lease, Duration duration) {
        long now = clock.millis();
        fencedUpdate(lease, "SET #expires = :exp", Map.of("#expires", LEASE_EXPIRES_AT),
                Map.of(":exp", n(now + duration.toMillis()), ":now", n(now)), " AND #expires > :now");
    }

    @Override
    public void release(Lease lease) {
        fencedUpdate(lease, "SET #status = :cold REMOVE #owner, #expires, #running, #thread",
                Map.of("#status", STATUS, "#expires", LEASE_EXPIRES_AT, "#running", RUNNING_COMMAND,
                        "#thread", RUNNING_THREAD),
                Map.of(":cold", s(ContainerStatus.COLD.name())), "");
    }

    @Override
    public boolean isUnclaimed(Lease lease) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key()).consistentRead(true))
                .item();
        return item != null && item.containsKey(LEASE_OWNER) && lease.owner().equals(item.get(LEASE_OWNER).s())
                && item.containsKey(LEASE_VERSION) && Long.toString(lease.version()).equals(item.get(LEASE_VERSION).n());
    }

    /**
     * An update conditioned on this lease still being ours: owner and version unchanged (and whatever
     * {@code extraCondition} adds).
     */
    private void fencedUpdate(Lease lease, String expression, Map<String, String> names,
                              Map<String, AttributeValue> values, String extraCondition) {
        Map<String, String> attributeNames = new HashMap<>(names);
        attributeNames.put("#owner", LEASE_OWNER);
        attributeNames.put("#version", LEASE_VERSION);
        Map<String, AttributeValue> attributeValues = new HashMap<>(values);
        attributeValues.put(":me", s(lease.owner()));
        attributeValues.put(":v", n(lease.version()));
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key())
                    .updateExpression(expression)
                    .conditionExpression("#owner = :me AND #version = :v" + extraCondition)
                    .expressionAttributeNames(attributeNames)
                    .expressionAttributeValues(attributeValues)
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw LeaseLostException.refused(containerKey,
                    "version " + lease.version() + " is no longer held by " + lease.owner());
        }
    }

    private static long number(Map<String, AttributeValue> item, String name, long otherwise) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? otherwise : Long.parseLong(value.n());
    }

    private Map<String, AttributeValue> key() {
        return Map.of(CONTAINER_KEY, s(containerKey.value()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
