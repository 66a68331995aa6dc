package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.ContainerKey;
import java.util.List;
import java.util.Optional;

/** The {@code containers} table as the orchestrator sees it (the worker owns the lease fields). */
public interface ContainerStore {
    Optional<ContainerRecord> find(ContainerKey key);

    List<ContainerRecord> all();

    /** Creates the row COLD with its queues, or fills in the queues of a row that has none. */
    void recordQueues(ContainerKey key, ContainerQueues queues);

    /** Takes the next per-container sequence number (atomic); answers it with the row as it is now. */
    default Sequenced nextSequence(ContainerKey key) {
        return reserveSequences(key, 1);
    }

    /**
     * Takes the next {@code count} sequence numbers in one atomic step: they are
     * {@code sequence - count + 1 .. sequence}. Numbers reserved but never sent leave a gap.
     */
    Sequenced reserveSequences(ContainerKey key, int count);

    /** The last sequence number taken and the container row it was taken from (lease, queues). */
    record Sequenced(long sequence, ContainerRecord container) {
    }

    /**
     * COLD (or a start stuck past {@code staleStartBefore}) -> STARTING, only while no live lease
     * exists. Exactly one caller wins; answers whether it was this one.
     */
    boolean tryMarkStarting(ContainerKey key, long now, long staleStartBefore);

    void recordLaunch(ContainerKey key, String handle);

    /** STARTING -> COLD after a launch failed, so the next message tries again. */
    void markStartFailed(ContainerKey key);
}
