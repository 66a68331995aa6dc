package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.ContainerKey;
import java.util.List;
import java.util.Optional;

/**
 * The {@code containers} table as the orchestrator sees it (the worker owns the lease fields). Every
 * state change is a conditional write on what the caller saw; a lost race answers false.
 */
public interface ContainerStore {
    Optional<ContainerRecord> find(ContainerKey key);

    List<ContainerRecord> all();

    /** A page in key order; {@code cursor} is one a previous page returned, null for the first. */
    ContainerPage page(String cursor, int limit);

    /** Creates the row COLD with its queues, or fills in the queues of a row that has none. */
    void recordQueues(ContainerKey key, ContainerQueues queues);

    /** Takes the next per-container sequence number; see {@link #reserveSequences}. */
    default Sequenced nextSequence(ContainerKey key) {
        return reserveSequences(key, 1);
    }

    /**
     * Takes the next {@code count} sequence numbers in one atomic step: they are
     * {@code sequence - count + 1 .. sequence}. Numbers reserved but never sent leave a gap. Records
     * the activity; answers the row as it is now.
     * @throws QueuesMissingException when the row has no queues (any more: cleanup removed them)
     */
    Sequenced reserveSequences(ContainerKey key, int count);

    /** The last sequence number taken and the container row it was taken from (lease, queues). */
    record Sequenced(long sequence, ContainerRecord container) {
    }

    /**
     * COLD (or a start stuck past {@code staleStartBefore}) -> STARTING, only while no live lease
     * exists. Exactly one caller wins; answers whether it was this one. Clears {@code waitingSince}.
     */
    boolean tryMarkStarting(ContainerKey key, long now, long staleStartBefore, int attempt, long seenLeaseVersion);

    default boolean tryMarkStarting(ContainerKey key, long now, long staleStartBefore) {
        return tryMarkStarting(key, now, staleStartBefore, 1, 0);
    }

    /** Records the launcher's handle of the start made at {@code startingAt} (ignored if a newer start replaced it). */
    void recordLaunch(ContainerKey key, String handle, long startingAt);

    /**
     * STARTING -> COLD when the start made at {@code startingAt} failed (the launch, or the worker died
     * before taking the lease); the container is marked waiting so the reaper retries.
     */
    boolean markStartFailed(ContainerKey key, long startingAt);

    /** Notes that the container has work but was not started (the running cap): first time wins. */
    void markWaiting(ContainerKey key, long now);

    /** Removes {@code waitingSince} (nothing left to start for). */
    void clearWaiting(ContainerKey key);

    /**
     * Takes back a lease whose holder stopped renewing: owner, version and expiry as {@code seen},
     * expired before {@code now}. The container goes COLD; the old holder's fenced writes fail.
     */
    boolean clearExpiredLease(ContainerRecord seen, long now);

    /**
     * Forgets the queue URLs of a COLD container without a lease, only if nothing happened to it
     * since {@code seen} (same activity time and queue URL), so a later message creates them again.
     */
    boolean clearQueues(ContainerRecord seen);
}
