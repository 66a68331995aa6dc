package dev.hermes.orchestrator.container;

import java.util.Map;

/** The queue operations cleanup needs: read a queue's tags, delete it. */
public interface ManagedQueues {
    /** The queue's tags; empty when it is gone. */
    Map<String, String> tags(String url);

    /** Deletes the queue; answers false when it was gone already. */
    boolean delete(String url);
}
