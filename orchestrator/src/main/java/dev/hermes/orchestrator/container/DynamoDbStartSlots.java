package dev.hermes.orchestrator.container;

import static dev.hermes.orchestrator.storage.Items.n;
import static dev.hermes.orchestrator.storage.Items.s;
import static dev.hermes.protocol.table.ContainersTable.CONTAINER_KEY;
import static dev.hermes.protocol.table.ContainersTable.STATUS;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.ContainerStatus;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The cap as a gate item ({@code ~start-gate}) in the {@code containers} table: a capped start reads
 * the gate's version, counts the running containers (consistent scan), and then, in one transaction,
 * bumps the gate on the version it read and moves the container to STARTING. Two starters that
 * counted the same state cannot both commit; the loser counts again.
 */
@Singleton
public class DynamoDbStartSlots implements StartSlots {
    static final String GATE_KEY = ContainerItems.SYSTEM_PREFIX + "start-gate";
    private static final int TRIES = 8;
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbStartSlots(DynamoDbClient dynamo, TablesConfig tables) {
        this.dynamo = dynamo;
        this.table = tables.names().containers();
    }

    @Override
    public Outcome tryStart(ContainerKey key, long now, long staleStartBefore, int attempt, long seenLeaseVersion,
                            int max) {
        DynamoDbContainerStore.StartWrite start = DynamoDbContainerStore.StartWrite.of(now, staleStartBefore, attempt,
                seenLeaseVersion);
        for (int i = 0; i < TRIES; i++) {
            long gate = gateVersion();
            if (running(now, staleStartBefore) >= max) {
                return Outcome.FULL;
            }
            try {
                dynamo.transactWriteItems(t -> t.transactItems(
                        g -> g.update(u -> u.tableName(table).key(Items.key(CONTAINER_KEY, GATE_KEY))
                                .updateExpression("SET gateVersion = :next")
                                .conditionExpression("attribute_not_exists(gateVersion) OR gateVersion = :seen")
                                .expressionAttributeValues(Map.of(":next", n(gate + 1), ":seen", n(gate)))),
                        c -> c.update(u -> u.tableName(table).key(Items.key(CONTAINER_KEY, key.value()))
                                .updateExpression(start.update()).conditionExpression(start.condition())
                                .expressionAttributeNames(start.names()).expressionAttributeValues(start.values()))));
                return Outcome.STARTED;
            } catch (TransactionCanceledException e) {
                if (failed(e, 1)) {
                    return Outcome.LOST;
                }
                // Another start committed between our count and our write: count again.
            }
        }
        return Outcome.FULL;
    }

    @Override
    public int running(long now, long staleStartBefore) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(b -> b.tableName(table).consistentRead(true).select(Select.COUNT)
                    .exclusiveStartKey(from)
                    .filterExpression("(#s = :starting AND startingAt >= :stale) OR leaseExpiresAt > :now")
                    .expressionAttributeNames(Map.of("#s", STATUS))
                    .expressionAttributeValues(Map.of(":starting", s(ContainerStatus.STARTING.name()),
                            ":stale", n(staleStartBefore), ":now", n(now))));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    private long gateVersion() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Items.key(CONTAINER_KEY, GATE_KEY)).consistentRead(true)).item();
        return item == null ? 0 : Items.num(item, "gateVersion", 0);
    }

    private static boolean failed(TransactionCanceledException e, int index) {
        if (!e.hasCancellationReasons() || e.cancellationReasons().size() <= index) {
            return false;
        }
        CancellationReason reason = e.cancellationReasons().get(index);
        return "ConditionalCheckFailed".equals(reason.code());
    }
}
