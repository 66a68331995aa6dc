package dev.hermes.orchestrator.container;

/** How many messages a queue holds: the reaper's "pending work", cleanup's "empty", the API's depths. */
public interface QueueDepths {
    /** Visible, in flight (received, not deleted) and delayed messages; {@link Depth#MISSING} if the queue is gone. */
    Depth of(String queueUrl);

    record Depth(long visible, long inFlight, long delayed, boolean exists) {
        public static final Depth MISSING = new Depth(0, 0, 0, false);

        public long total() {
            return visible + inFlight + delayed;
        }

        public boolean isEmpty() {
            return total() == 0;
        }
    }
}
