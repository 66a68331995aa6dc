package dev.hermes.protocol.state;

/** Why a running command is stopped (DESIGN §6). */
public enum InterruptKind {
    /** A newer command of the same thread: stop, checkpoint, report SUPERSEDED. */
    SUPERSEDE,
    /** A command of another thread: stop, checkpoint, resume later or report INTERRUPTED. */
    PREEMPT
}
