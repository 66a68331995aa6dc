package dev.hermes.orchestrator.container;

import static dev.hermes.orchestrator.container.ContainerItems.START_ATTEMPTS;
import static dev.hermes.orchestrator.container.ContainerItems.START_LEASE_VERSION;
import static dev.hermes.orchestrator.container.ContainerItems.WAITING_SINCE;
import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;
import static dev.hermes.protocol.table.ContainersTable.*;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Cursors;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.ContainerStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

@Singleton
public class DynamoDbContainerStore implements ContainerStore {
    private static final String COLD = ContainerStatus.COLD.name();
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
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ContainerItems.read(item));
    }

    @Override
    public List<ContainerRecord> all() {
        List<ContainerRecord> out = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .filter(ContainerItems::isContainer).forEach(i -> out.add(ContainerItems.read(i)));
        return out;
    }

    @Override
    public ContainerPage page(String cursor, int limit) {
        List<ContainerRecord> rows = new ArrayList<>();
        Map<String, AttributeValue> start = cursor == null ? null : Items.key(CONTAINER_KEY, Cursors.decode(cursor));
        while (true) {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(b -> b.tableName(table).consistentRead(true).limit(limit)
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                if (ContainerItems.isContainer(item)) {
                    rows.add(ContainerItems.read(item));
                    if (rows.size() == limit) {
                        return new ContainerPage(rows, Cursors.encode(Items.str(item, CONTAINER_KEY)));
                    }
                }
            }
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return new ContainerPage(rows, null);
            }
            start = page.lastEvaluatedKey();
        }
    }

    @Override
    public void recordQueues(ContainerKey key, ContainerQueues q) {
        dynamo.updateItem(b -> b.tableName(table).key(Items.key(CONTAINER_KEY, key.value()))
                .updateExpression("SET #s = if_not_exists(#s, :cold), projectId = :p, userId = :u, "
                        + "inQueueUrl = :in, dlqUrl = :dlq, ctlQueueUrl = :ctl, outQueueUrl = :out, "
                        + "nextSequence = if_not_exists(nextSequence, :zero), leaseVersion = if_not_exists(leaseVersion, :zero)")
                .expressionAttributeNames(Map.of("#s", STATUS))
                .expressionAttributeValues(Map.of(":cold", s(COLD),
                        ":p", s(key.project().value()), ":u", s(key.user().value()),
                        ":in", s(q.in()), ":dlq", s(q.dlq()), ":ctl", s(q.ctl()), ":out", s(q.out()),
                        ":zero", n(0))));
    }

    @Override
    public Sequenced reserveSequences(ContainerKey key, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        try {
            Map<String, AttributeValue> row = dynamo.updateItem(b -> b.tableName(table)
                    .key(Items.key(CONTAINER_KEY, key.value()))
                    .updateExpression("ADD nextSequence :n SET lastActivityAt = :now")
                    .conditionExpression("attribute_exists(inQueueUrl)")
                    .expressionAttributeValues(Map.of(":n", n(count), ":now", n(clock.millis())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return new Sequenced(Items.num(row, NEXT_SEQUENCE, 0), ContainerItems.read(row));
        } catch (ConditionalCheckFailedException e) {
            throw new QueuesMissingException(key);
        }
    }

    @Override
    public boolean tryMarkStarting(ContainerKey key, long now, long staleStartBefore, int attempt, long seenLeaseVersion) {
        StartWrite w = StartWrite.of(now, staleStartBefore, attempt, seenLeaseVersion);
        return conditional(key, w.update(), w.condition(), w.names(), w.values());
    }

    @Override
    public void recordLaunch(ContainerKey key, String handle, long startingAt) {
        conditional(key, "SET launcherHandle = :h, lastActivityAt = :now", "startingAt = :at", Map.of(),
                Map.of(":h", s(handle), ":now", n(clock.millis()), ":at", n(startingAt)));
    }

    @Override
    public boolean markStartFailed(ContainerKey key, long startingAt) {
        // A worker may have come up after all (RUNNING), or another start replaced this one: then nothing.
        return conditional(key, "SET #s = :cold, waitingSince = if_not_exists(waitingSince, :now) REMOVE startingAt",
                "#s = :starting AND startingAt = :at", Map.of("#s", STATUS), Map.of(":cold", s(COLD),
                        ":starting", s(ContainerStatus.STARTING.name()), ":now", n(clock.millis()),
                        ":at", n(startingAt)));
    }

    @Override
    public void markWaiting(ContainerKey key, long now) {
        conditional(key, "SET waitingSince = if_not_exists(waitingSince, :now)", "attribute_exists(containerKey)",
                Map.of(), Map.of(":now", n(now)));
    }

    @Override
    public void clearWaiting(ContainerKey key) {
        conditional(key, "REMOVE waitingSince", "attribute_exists(waitingSince)", Map.of(), Map.of());
    }

    @Override
    public boolean clearExpiredLease(ContainerRecord seen, long now) {
        return conditional(seen.key(), "SET #s = :cold REMOVE leaseOwner, leaseExpiresAt, runningCommand, " + RUNNING_THREAD,
                "leaseOwner = :owner AND leaseVersion = :v AND leaseExpiresAt < :now",
                Map.of("#s", STATUS), Map.of(":cold", s(COLD), ":owner", s(seen.leaseOwner()),
                        ":v", n(seen.leaseVersion()), ":now", n(now)));
    }

    @Override
    public boolean clearQueues(ContainerRecord seen) {
        return conditional(seen.key(), "REMOVE inQueueUrl, dlqUrl, ctlQueueUrl, outQueueUrl",
                "#s = :cold AND attribute_not_exists(leaseOwner) AND inQueueUrl = :in AND lastActivityAt = :at",
                Map.of("#s", STATUS), Map.of(":cold", s(COLD), ":in", s(seen.queues().in()),
                        ":at", n(seen.lastActivityAt())));
    }

    private boolean conditional(ContainerKey key, String update, String condition, Map<String, String> names,
                                Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> {
                b.tableName(table).key(Items.key(CONTAINER_KEY, key.value()))
                        .updateExpression(update).conditionExpression(condition);
                if (!names.isEmpty()) {
                    b.expressionAttributeNames(names);
                }
                if (!values.isEmpty()) {
                    b.expressionAttributeValues(values);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The COLD -> STARTING write, shared with the capped start's transaction. */
    record StartWrite(String update, String condition, Map<String, String> names, Map<String, AttributeValue> values) {
        static StartWrite of(long now, long staleStartBefore, int attempt, long seenLeaseVersion) {
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":starting", s(ContainerStatus.STARTING.name()));
            values.put(":now", n(now));
            values.put(":stale", n(staleStartBefore));
            values.put(":attempt", n(attempt));
            values.put(":lv", n(seenLeaseVersion));
            return new StartWrite("SET #s = :starting, startingAt = :now, " + START_ATTEMPTS + " = :attempt, "
                    + START_LEASE_VERSION + " = :lv REMOVE " + WAITING_SINCE + ", launcherHandle",
                    "attribute_exists(containerKey) AND attribute_exists(inQueueUrl) "
                            + "AND (attribute_not_exists(leaseOwner) OR leaseExpiresAt < :now) "
                            + "AND (#s <> :starting OR startingAt < :stale)",
                    Map.of("#s", STATUS), values);
        }
    }
}
