package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.container.ContainerRecord;
import dev.hermes.orchestrator.container.QueueDepths;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.function.Function;

/**
 * A container as {@code GET /api/containers} shows it: status, lease, launcher handle, the depth of
 * each of its queues (null when it has none), the running command and its last activity.
 */
@Serdeable
public record ContainerView(String containerKey, String status, @Nullable Lease lease, @Nullable String launcherHandle,
                            @Nullable Depths depths, @Nullable String runningCommand, @Nullable Instant lastActivityAt,
                            @Nullable Instant startingAt, @Nullable Instant waitingSince, int startAttempts) {

    @Serdeable
    public record Lease(String owner, long version, Instant expiresAt) {
    }

    @Serdeable
    public record Depth(long visible, long inFlight, long delayed) {
        static Depth of(QueueDepths.Depth d) {
            return d.exists() ? new Depth(d.visible(), d.inFlight(), d.delayed()) : null;
        }
    }

    @Serdeable
    public record Depths(@Nullable Depth in, @Nullable Depth dlq, @Nullable Depth ctl, @Nullable Depth out) {
    }

    public static ContainerView of(ContainerRecord c, Function<String, QueueDepths.Depth> depth) {
        Depths depths = c.queues() == null ? null : new Depths(Depth.of(depth.apply(c.queues().in())),
                Depth.of(depth.apply(c.queues().dlq())), Depth.of(depth.apply(c.queues().ctl())),
                Depth.of(depth.apply(c.queues().out())));
        Lease lease = c.leaseOwner() == null ? null
                : new Lease(c.leaseOwner(), c.leaseVersion(), Instant.ofEpochMilli(c.leaseExpiresAt()));
        return new ContainerView(c.key().value(), c.status().name(), lease, c.launcherHandle(), depths,
                c.runningCommand(), time(c.lastActivityAt()), time(c.startingAt()), time(c.waitingSince()),
                c.startAttempts());
    }

    private static Instant time(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis);
    }
}
