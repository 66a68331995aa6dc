package dev.hermes.worker.agent;

/**
 * Why a running command was stopped from outside. Interrupts from the control queue (supersede,
 * preempt) will add their reasons here.
 */
public enum StopReason {
    /** The worker's lease is gone: stop, write nothing more. */
    LEASE_LOST,
    /** The worker process is asked to end. */
    SHUTDOWN
}
