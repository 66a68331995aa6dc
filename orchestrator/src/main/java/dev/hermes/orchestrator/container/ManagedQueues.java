package dev.hermes.orchestrator.container;

import java.util.List;
import java.util.Map;

/** The queue operations cleanup needs: find Hermes's queues, read their tags, delete them. */
public interface ManagedQueues {
    /** Every queue URL whose name starts with {@code prefix} (all pages). */
    List<String> list(String prefix);

    Map<String, String> tags(String url);

    /** True when the queue was created before {@code epochMillis} (false if it is gone). */
    boolean createdBefore(String url, long epochMillis);

    /** Deletes the queue; answers false when it was gone already. */
    boolean delete(String url);
}
