package dev.hermes.protocol.naming;

import static dev.hermes.protocol.naming.MetricNames.*;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every meter of {@link MetricNames} with its type and tag keys: what the orchestrator must register
 * (its tests check the registry against this list) and what {@code infra/} expects to find in
 * CloudWatch (its tests check its mirror against this list).
 */
public final class MeterCatalog {
    /** Micrometer meter types Hermes uses. */
    public enum Kind { COUNTER, TIMER, GAUGE, DISTRIBUTION_SUMMARY }

    /** One meter: name, type, tag keys (sorted), base unit (gauges only, may be null). */
    public record Meter(String name, Kind kind, List<String> tags, String baseUnit) {
        public Meter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            tags = tags.stream().sorted().toList();
        }
    }

    public static final List<Meter> ALL = List.of(
            counter(INTAKE_ACCEPTED, TAG_CHANNEL),
            counter(REQUESTS_REJECTED, TAG_REASON),
            counter(INTAKE_DUPLICATES, TAG_CHANNEL),
            counter(SIGNATURE_FAILURES, TAG_PROVIDER),
            counter(THREAD_SIGNAL, TAG_SIGNAL),
            counter(THREAD_FOREIGN_SIGNAL, TAG_SIGNAL),
            timer(DISPATCH_LATENCY, TAG_CHANNEL),
            timer(COLD_START),
            new Meter(CONTAINERS_LIVE, Kind.GAUGE, List.of(), null),
            counter(CONTAINERS_LAUNCHED, TAG_LAUNCHER),
            counter(CONTAINERS_LAUNCH_FAILED, TAG_LAUNCHER),
            timer(QUEUE_WAIT),
            timer(COMMAND_DURATION, TAG_STATUS),
            new Meter(OLDEST_PENDING_AGE, Kind.GAUGE, List.of(), "seconds"),
            counter(COMMANDS_DEAD_LETTERED, TAG_CHANNEL),
            counter(INTERRUPTS_SENT, TAG_KIND),
            counter(INTERRUPTS, TAG_OUTCOME),
            timer(INTERRUPT_LATENCY, TAG_OUTCOME),
            counter(LEASE_TAKEOVERS),
            counter(FENCING_REJECTIONS),
            counter(REPLIES_SENT, TAG_CHANNEL),
            counter(REPLIES_FAILED, TAG_CHANNEL),
            counter(AWS_REQUESTS, TAG_SERVICE, TAG_OPERATION),
            new Meter(BATCH_SIZE, Kind.DISTRIBUTION_SUMMARY, List.of(TAG_STAGE), null),
            timer(BATCH_DURATION, TAG_STAGE));

    private MeterCatalog() {
    }

    public static Optional<Meter> find(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    private static Meter counter(String name, String... tags) {
        return new Meter(name, Kind.COUNTER, List.of(tags), null);
    }

    private static Meter timer(String name, String... tags) {
        return new Meter(name, Kind.TIMER, List.of(tags), null);
    }
}
