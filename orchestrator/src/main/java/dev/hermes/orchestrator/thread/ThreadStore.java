package dev.hermes.orchestrator.thread;

import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Threads and the identifiers known to belong to them ({@code threads}, {@code thread-keys}). */
public interface ThreadStore {
    Optional<ThreadRecord> find(ThreadId threadId);

    /**
     * The container's threads, most recently active first, at most {@code limit} of them: one
     * bounded query of the {@code by-container} index (the ops page).
     */
    List<ThreadRecord> recent(ContainerKey container, int limit);

    /** One batch lookup of many keys; absent keys are missing from the result. */
    Map<String, ThreadId> lookup(Collection<String> keys);

    /** Creates the thread unless its id is taken; answers whether this call created it. */
    boolean create(ThreadRecord thread);

    /** Records {@code key -> threadId} unless the key is already known (first writer wins). */
    void recordKey(String key, ThreadId threadId);

    /**
     * Points {@code key} at {@code threadId} whatever it pointed at before (last writer wins): for
     * keys that follow the newest thread, like the SMS phone pair.
     */
    void pointKey(String key, ThreadId threadId);

    /** One more message in the thread. */
    void touch(ThreadId threadId, long at);
}
