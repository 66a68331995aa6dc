package dev.hermes.protocol.state;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of a worker container. The allowed transitions live here and nowhere else. */
public enum ContainerStatus {
    /** No worker; queues may still exist. */
    COLD,
    /** A launch was asked for and no worker holds the lease yet. */
    STARTING,
    /** A worker holds the lease. */
    RUNNING;

    private static final Map<ContainerStatus, Set<ContainerStatus>> NEXT = Map.of(
            // COLD -> RUNNING: a worker re-acquires after finding late work on its way out.
            COLD, EnumSet.of(STARTING, RUNNING),
            // STARTING -> STARTING: a start stuck past its deadline is retried.
            STARTING, EnumSet.of(STARTING, RUNNING, COLD),
            // RUNNING -> RUNNING: a new worker takes over an expired lease.
            RUNNING, EnumSet.of(RUNNING, COLD, STARTING));

    public boolean canMoveTo(ContainerStatus next) {
        return NEXT.get(this).contains(next);
    }

    public void checkMoveTo(ContainerStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(this, next);
        }
    }

    public static Set<ContainerStatus> predecessorsOf(ContainerStatus next) {
        Set<ContainerStatus> from = EnumSet.noneOf(ContainerStatus.class);
        for (ContainerStatus s : values()) {
            if (s.canMoveTo(next)) {
                from.add(s);
            }
        }
        return from;
    }
}
