package dev.hermes.worker.lease;

import dev.hermes.protocol.id.ContainerKey;
import java.util.Objects;

/**
 * A held lease on one container. {@code version} is the fencing token: every write that depends on
 * ownership carries it in its condition, so a worker that lost the lease can no longer change anything.
 */
public record Lease(ContainerKey containerKey, String owner, long version) {
    public Lease {
        Objects.requireNonNull(containerKey, "containerKey");
        Objects.requireNonNull(owner, "owner");
        if (version < 1) {
            throw new IllegalArgumentException("lease version must be positive");
        }
    }
}
