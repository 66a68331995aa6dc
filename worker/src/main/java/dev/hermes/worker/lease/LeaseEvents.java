package dev.hermes.worker.lease;

/** What happens to the lease that the orchestrator should hear of (for its metrics). */
public interface LeaseEvents {
    LeaseEvents NONE = new LeaseEvents() {
    };

    /** The lease was granted. */
    default void acquired(LeaseGrant grant) {
    }

    /** A fenced write was refused: the lease moved on or expired. Called once, when the lease is lost that way. */
    default void fencingRejected() {
    }
}
