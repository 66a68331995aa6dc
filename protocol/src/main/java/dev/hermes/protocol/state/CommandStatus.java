package dev.hermes.protocol.state;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of a command. The allowed transitions live here and nowhere else. */
public enum CommandStatus {
    /** Recorded by the intake (the dedupe record), not yet on the queue. */
    RECEIVED,
    /** On the container's input queue. */
    QUEUED,
    /** A worker holding the lease is running it. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** The agent ran past its profile's timeout; its work was kept. */
    TIMED_OUT,
    /** A newer command of the same thread replaced it; its work was kept. */
    SUPERSEDED,
    /** A command of another thread stopped it and the policy says not to resume. */
    INTERRUPTED,
    /** It failed on every delivery and sits in the container's DLQ. */
    DEAD_LETTERED;

    private static final Map<CommandStatus, Set<CommandStatus>> NEXT = Map.of(
            RECEIVED, EnumSet.of(QUEUED, RUNNING, DEAD_LETTERED),
            QUEUED, EnumSet.of(RUNNING, SUCCEEDED, FAILED, SUPERSEDED, DEAD_LETTERED),
            // RUNNING -> RUNNING: a new lease holder retries a command whose worker died.
            // RUNNING -> QUEUED: a preempted command is re-enqueued to resume later.
            RUNNING, EnumSet.of(RUNNING, QUEUED, SUCCEEDED, FAILED, TIMED_OUT, SUPERSEDED, INTERRUPTED, DEAD_LETTERED),
            SUCCEEDED, EnumSet.noneOf(CommandStatus.class),
            FAILED, EnumSet.noneOf(CommandStatus.class),
            TIMED_OUT, EnumSet.noneOf(CommandStatus.class),
            SUPERSEDED, EnumSet.noneOf(CommandStatus.class),
            INTERRUPTED, EnumSet.noneOf(CommandStatus.class),
            // An operator's redrive moves a dead-lettered command back onto the queue.
            DEAD_LETTERED, EnumSet.of(QUEUED));

    public boolean canMoveTo(CommandStatus next) {
        return NEXT.get(this).contains(next);
    }

    public void checkMoveTo(CommandStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(this, next);
        }
    }

    /** Every status from which {@code next} may be reached: the condition of a conditional write. */
    public static Set<CommandStatus> predecessorsOf(CommandStatus next) {
        Set<CommandStatus> from = EnumSet.noneOf(CommandStatus.class);
        for (CommandStatus s : values()) {
            if (s.canMoveTo(next)) {
                from.add(s);
            }
        }
        return from;
    }

    public boolean isTerminal() {
        return this != RECEIVED && this != QUEUED && this != RUNNING && this != DEAD_LETTERED;
    }
}
