package dev.hermes.protocol.message;

/** What a {@link WorkerEventMessage} reports. */
public enum WorkerEvent {
    /** The worker took the container's lease (after a cold start, or over an expired one). */
    LEASE_ACQUIRED,
    /** A fenced write was refused: the lease moved on or expired (the worker stops). */
    FENCING_REJECTED,
    /** An interrupt was handled: its target stopped and checkpointed, or ignored. */
    INTERRUPT
}
