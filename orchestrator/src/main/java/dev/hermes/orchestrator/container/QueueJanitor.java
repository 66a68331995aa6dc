package dev.hermes.orchestrator.container;

import dev.hermes.orchestrator.config.QueuesConfig;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.naming.QueueNames;
import dev.hermes.protocol.state.ContainerStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the queues of containers that have been COLD longer than {@code hermes.queues.retention-after-cold}.
 * The candidates are the {@code containers} rows (scanned page by page), not a listing of the account's
 * queues: {@code sqs:ListQueues} can only be granted on {@code *}, and a queue no row points at is not
 * Hermes's to judge. A container's queues go only when every one of them is tagged
 * {@code ManagedBy=hermes} with its own {@code ContainerKey}, is not a shared queue, and is empty
 * (visible, in flight and delayed). The row's queue URLs are cleared first, conditionally on no
 * activity since it was read, so a message that arrives later creates the queues again instead of
 * using deleted ones.
 */
@Singleton
public class QueueJanitor {
    private static final Logger LOG = LoggerFactory.getLogger(QueueJanitor.class);
    private final ContainerStore containers;
    private final ManagedQueues queues;
    private final QueueDepths depths;
    private final QueuesConfig config;
    private final Clock clock;

    public QueueJanitor(ContainerStore containers, ManagedQueues queues, QueueDepths depths, QueuesConfig config,
                        Clock clock) {
        this.containers = containers;
        this.queues = queues;
        this.depths = depths;
        this.config = config;
        this.clock = clock;
    }

    /** One pass; answers the URLs it deleted. */
    public synchronized List<String> sweep() {
        long cutoff = clock.millis() - config.retentionAfterCold().toMillis();
        List<String> deleted = new ArrayList<>();
        for (ContainerRecord row : containers.all()) {
            if (!longCold(row, cutoff)) {
                continue;
            }
            try {
                deleted.addAll(cleanUp(row));
            } catch (RuntimeException e) {
                LOG.warn("cleanup of the queues of {} failed, next pass retries: {}", row.key(), e.toString());
            }
        }
        return deleted;
    }

    private static boolean longCold(ContainerRecord row, long cutoff) {
        return row.queues() != null && row.status() == ContainerStatus.COLD && row.leaseOwner() == null
                && row.waitingSince() == 0 && row.lastActivityAt() < cutoff;
    }

    private List<String> cleanUp(ContainerRecord row) {
        ContainerQueues q = row.queues();
        List<String> urls = List.of(q.in(), q.dlq(), q.ctl(), q.out());
        Set<String> shared = Set.of(QueueNames.inboundEmail(config.prefix()), QueueNames.inboundEmailDlq(config.prefix()));
        for (String url : urls) {
            if (shared.contains(url.substring(url.lastIndexOf('/') + 1)) || !managedFor(row.key(), queues.tags(url))) {
                LOG.warn("queues of {} kept: {} is not tagged as this container's", row.key(), url);
                return List.of();
            }
        }
        for (String url : urls) {
            QueueDepths.Depth depth = depths.of(url);
            if (!depth.isEmpty()) {
                LOG.info("queues of {} kept: {} holds {} messages", row.key(), url, depth.total());
                return List.of();
            }
        }
        if (!containers.clearQueues(row)) {
            return List.of(); // something happened to it meanwhile
        }
        List<String> deleted = new ArrayList<>();
        for (String url : urls) {
            if (queues.delete(url)) {
                deleted.add(url);
            }
        }
        LOG.info("deleted the queues of {} (COLD since before the retention): {}", row.key(), deleted);
        return deleted;
    }

    private static boolean managedFor(ContainerKey key, Map<String, String> tags) {
        return "hermes".equals(tags.get("ManagedBy")) && key.value().equals(tags.get("ContainerKey"));
    }
}
