package dev.hermes.orchestrator.container;

import dev.hermes.protocol.id.ContainerKey;

/**
 * The running cap ({@code hermes.launcher.max-running}): a COLD -> STARTING move that only happens
 * while fewer than {@code max} containers are starting or hold a live lease, however many
 * orchestrators race for the last slot.
 */
public interface StartSlots {
    enum Outcome {
        /** This call moved the container to STARTING inside the cap. */
        STARTED,
        /** Another caller started it, or a worker holds its lease. */
        LOST,
        /** The cap is reached: the container must wait. */
        FULL
    }

    Outcome tryStart(ContainerKey key, long now, long staleStartBefore, int attempt, long seenLeaseVersion, int max);

    /** Containers starting (within their deadline) or holding a live lease. */
    int running(long now, long staleStartBefore);
}
