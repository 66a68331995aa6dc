package dev.hermes.worker.agent;

/** Why a running command was stopped from outside. Each leads to its own outcome (see CommandProcessor). */
public enum StopReason {
    /** The worker's lease is gone: stop, checkpoint locally, write nothing more. */
    LEASE_LOST,
    /** The worker process is asked to end: checkpoint, put the command back for the next worker. */
    SHUTDOWN,
    /** A newer command of the same thread: checkpoint, report SUPERSEDED. */
    SUPERSEDED,
    /** A command of another thread: checkpoint, then resume later or report INTERRUPTED (the project's policy). */
    PREEMPTED
}
