package dev.hermes.orchestrator.container;

import static dev.hermes.protocol.table.ContainersTable.*;

import dev.hermes.orchestrator.storage.Items;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.ContainerStatus;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads {@code containers} items; knows the attributes only the orchestrator writes. */
final class ContainerItems {
    static final String WAITING_SINCE = "waitingSince";
    static final String START_ATTEMPTS = "startAttempts";
    static final String START_LEASE_VERSION = "startLeaseVersion";
    /** Items that are not containers (the start gate) have keys starting with this. */
    static final String SYSTEM_PREFIX = "~";

    private ContainerItems() {
    }

    static boolean isContainer(Map<String, AttributeValue> item) {
        String key = Items.str(item, CONTAINER_KEY);
        return key != null && !key.startsWith(SYSTEM_PREFIX);
    }

    static ContainerRecord read(Map<String, AttributeValue> item) {
        String in = Items.str(item, IN_QUEUE_URL);
        ContainerQueues queues = in == null ? null : new ContainerQueues(in, Items.str(item, DLQ_URL),
                Items.str(item, CTL_QUEUE_URL), Items.str(item, OUT_QUEUE_URL));
        String status = Items.str(item, STATUS);
        return new ContainerRecord(ContainerKey.parse(Items.str(item, CONTAINER_KEY)),
                status == null ? ContainerStatus.COLD : ContainerStatus.valueOf(status), queues,
                Items.str(item, LEASE_OWNER), Items.num(item, LEASE_VERSION, 0), Items.num(item, LEASE_EXPIRES_AT, 0),
                Items.str(item, LAUNCHER_HANDLE), Items.str(item, RUNNING_COMMAND), Items.num(item, LAST_ACTIVITY_AT, 0),
                Items.num(item, STARTING_AT, 0), Items.num(item, WAITING_SINCE, 0),
                (int) Items.num(item, START_ATTEMPTS, 0), Items.num(item, START_LEASE_VERSION, 0),
                Items.str(item, RUNNING_THREAD));
    }
}
