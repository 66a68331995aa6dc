package dev.hermes.worker;

/** How the worker process ends; the launcher reads the status code. */
public enum ExitCode {
    /** Idle past the timeout (or asked to stop): the lease was released and the container is COLD. */
    IDLE(0),
    /** Anything else that stopped the worker: configuration, missing container item, a bug. */
    FATAL(1),
    /** Another worker holds a live lease on this container. */
    LEASE_HELD(3),
    /** The lease was lost while held: the worker stopped without any further fenced write. */
    LEASE_LOST(4);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
