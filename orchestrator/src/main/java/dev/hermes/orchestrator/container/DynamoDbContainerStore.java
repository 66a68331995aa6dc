package dev.hermes.orchestrator.container;

import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;
import static dev.hermes.protocol.table.ContainersTable.*;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.ContainerStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

@Singleton
public class DynamoDbContainerStore implements ContainerStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbContainerStore(DynamoDbClient dynamo, TablesConfig tables, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.names().containers();
        this.clock = clock;
    }

    @Override
    public Optional<ContainerRecord> find(ContainerKey key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Items.key(CONTAINER_KEY, key.value())).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public List<ContainerRecord> all() {
        List<ContainerRecord> out = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(i -> out.add(read(i)));
        return out;
    }

    @Override
    public void recordQueues(ContainerKey key, ContainerQueues q) {
        dynamo.updateItem(b -> b.tableName(table).key(Items.key(CONTAINER_KEY, key.value()))
                .updateExpression("SET #s = if_not_exists(#s, :cold), projectId = :p, userId = :u, "
                        + "inQueueUrl = :in, dlqUrl = :dlq, ctlQueueUrl = :ctl, outQueueUrl = :out, "
                        + "nextSequence = if_not_exists(nextSequence, :zero), leaseVersion = if_not_exists(leaseVersion, :zero)")
                .expressionAttributeNames(Map.of("#s", STATUS))
                .expressionAttributeValues(Map.of(":cold", s(ContainerStatus.COLD.name()),
                        ":p", s(key.project().value()), ":u", s(key.user().value()),
                        ":in", s(q.in()), ":dlq", s(q.dlq()), ":ctl", s(q.ctl()), ":out", s(q.out()),
                        ":zero", n(0))));
    }

    @Override
    public Sequenced reserveSequences(ContainerKey key, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        Map<String, AttributeValue> row = dynamo.updateItem(b -> b.tableName(table)
                .key(Items.key(CONTAINER_KEY, key.value()))
                .updateExpression("ADD nextSequence :n")
                .conditionExpression("attribute_exists(containerKey)")
                .expressionAttributeValues(Map.of(":n", n(count)))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        return new Sequenced(Items.num(row, NEXT_SEQUENCE, 0), read(row));
    }

    @Override
    public boolean tryMarkStarting(ContainerKey key, long now, long staleStartBefore) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Items.key(CONTAINER_KEY, key.value()))
                    .updateExpression("SET #s = :starting, startingAt = :now")
                    .conditionExpression("attribute_exists(containerKey) "
                            + "AND (attribute_not_exists(leaseOwner) OR leaseExpiresAt < :now) "
                            + "AND (#s <> :starting OR startingAt < :stale)")
                    .expressionAttributeNames(Map.of("#s", STATUS))
                    .expressionAttributeValues(Map.of(":starting", s(ContainerStatus.STARTING.name()),
                            ":now", n(now), ":stale", n(staleStartBefore))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void recordLaunch(ContainerKey key, String handle) {
        dynamo.updateItem(b -> b.tableName(table).key(Items.key(CONTAINER_KEY, key.value()))
                .updateExpression("SET launcherHandle = :h, lastActivityAt = :now")
                .expressionAttributeValues(Map.of(":h", s(handle), ":now", n(clock.millis()))));
    }

    @Override
    public void markStartFailed(ContainerKey key) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Items.key(CONTAINER_KEY, key.value()))
                    .updateExpression("SET #s = :cold REMOVE startingAt")
                    .conditionExpression("#s = :starting")
                    .expressionAttributeNames(Map.of("#s", STATUS))
                    .expressionAttributeValues(Map.of(":cold", s(ContainerStatus.COLD.name()),
                            ":starting", s(ContainerStatus.STARTING.name()))));
        } catch (ConditionalCheckFailedException e) {
            // A worker came up after all.
        }
    }

    private static ContainerRecord read(Map<String, AttributeValue> item) {
        String in = Items.str(item, IN_QUEUE_URL);
        ContainerQueues queues = in == null ? null : new ContainerQueues(in, Items.str(item, DLQ_URL),
                Items.str(item, CTL_QUEUE_URL), Items.str(item, OUT_QUEUE_URL));
        String status = Items.str(item, STATUS);
        return new ContainerRecord(ContainerKey.parse(Items.str(item, CONTAINER_KEY)),
                status == null ? ContainerStatus.COLD : ContainerStatus.valueOf(status), queues,
                Items.str(item, LEASE_OWNER), Items.num(item, LEASE_VERSION, 0), Items.num(item, LEASE_EXPIRES_AT, 0),
                Items.str(item, LAUNCHER_HANDLE), Items.str(item, RUNNING_COMMAND), Items.num(item, LAST_ACTIVITY_AT, 0));
    }
}
