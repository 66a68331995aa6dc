package dev.hermes.worker.lease;

import java.util.Objects;

/**
 * A lease as it was granted: {@code takeover} when it was another worker's and had expired;
 * {@code startingAt} the container's start time (epoch ms, as the orchestrator wrote it) when the
 * container was STARTING, else null.
 */
public record LeaseGrant(Lease lease, boolean takeover, Long startingAt) {
    public LeaseGrant {
        Objects.requireNonNull(lease, "lease");
    }
}
