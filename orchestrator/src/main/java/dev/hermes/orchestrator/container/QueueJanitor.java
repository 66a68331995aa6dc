package dev.hermes.orchestrator.container;

import dev.hermes.orchestrator.config.QueuesConfig;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.InvalidIdException;
import dev.hermes.protocol.naming.QueueNames;
import dev.hermes.protocol.state.ContainerStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the queues of containers that have been COLD longer than {@code hermes.queues.retention-after-cold}.
 * Only queues found by the Hermes prefix, tagged {@code ManagedBy=hermes} with a {@code ContainerKey}
 * tag, never the shared ones, and only when all of a container's queues are empty (visible, in flight
 * and delayed). The row's queue URLs are cleared first, conditionally on no activity since it was
 * read, so a message that arrives later creates the queues again instead of using deleted ones.
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
        Set<String> shared = Set.of(QueueNames.inboundEmail(config.prefix()), QueueNames.inboundEmailDlq(config.prefix()));
        Map<ContainerKey, Set<String>> byContainer = new LinkedHashMap<>();
        for (String url : queues.list(config.prefix())) {
            if (shared.contains(url.substring(url.lastIndexOf('/') + 1))) {
                continue;
            }
            Map<String, String> tags = queues.tags(url);
            if (!"hermes".equals(tags.get("ManagedBy")) || tags.get("ContainerKey") == null) {
                continue;
            }
            try {
                byContainer.computeIfAbsent(ContainerKey.parse(tags.get("ContainerKey")), k -> new LinkedHashSet<>()).add(url);
            } catch (InvalidIdException e) {
                LOG.warn("queue {} has a ContainerKey tag that is not one: left alone", url);
            }
        }
        List<String> deleted = new ArrayList<>();
        byContainer.forEach((key, urls) -> {
            try {
                deleted.addAll(cleanUp(key, urls, cutoff));
            } catch (RuntimeException e) {
                LOG.warn("cleanup of the queues of {} failed, next pass retries: {}", key, e.toString());
            }
        });
        return deleted;
    }

    private List<String> cleanUp(ContainerKey key, Set<String> found, long cutoff) {
        ContainerRecord row = containers.find(key).orElse(null);
        if (row != null && (row.status() != ContainerStatus.COLD || row.leaseOwner() != null
                || row.waitingSince() > 0 || row.lastActivityAt() >= cutoff)) {
            return List.of();
        }
        Set<String> urls = new LinkedHashSet<>(found);
        if (row != null && row.queues() != null) {
            urls.addAll(List.of(row.queues().in(), row.queues().dlq(), row.queues().ctl(), row.queues().out()));
        } else if (!found.stream().allMatch(url -> queues.createdBefore(url, cutoff))) {
            return List.of(); // no row points at them: only long-forgotten leftovers go
        }
        for (String url : urls) {
            QueueDepths.Depth depth = depths.of(url);
            if (!depth.isEmpty()) {
                LOG.info("queues of {} kept: {} holds {} messages", key, url, depth.total());
                return List.of();
            }
        }
        if (row != null && row.queues() != null && !containers.clearQueues(row)) {
            return List.of(); // something happened to it meanwhile
        }
        List<String> deleted = new ArrayList<>();
        for (String url : urls) {
            if (queues.delete(url)) {
                deleted.add(url);
            }
        }
        LOG.info("deleted the queues of {} (COLD since before the retention): {}", key, deleted);
        return deleted;
    }
}
