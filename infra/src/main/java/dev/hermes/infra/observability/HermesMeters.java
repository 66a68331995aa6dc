package dev.hermes.infra.observability;

import static dev.hermes.protocol.naming.MetricNames.TAG_CHANNEL;
import static dev.hermes.protocol.naming.MetricNames.TAG_KIND;
import static dev.hermes.protocol.naming.MetricNames.TAG_LAUNCHER;
import static dev.hermes.protocol.naming.MetricNames.TAG_OPERATION;
import static dev.hermes.protocol.naming.MetricNames.TAG_OUTCOME;
import static dev.hermes.protocol.naming.MetricNames.TAG_PROVIDER;
import static dev.hermes.protocol.naming.MetricNames.TAG_REASON;
import static dev.hermes.protocol.naming.MetricNames.TAG_SERVICE;
import static dev.hermes.protocol.naming.MetricNames.TAG_SIGNAL;
import static dev.hermes.protocol.naming.MetricNames.TAG_STAGE;
import static dev.hermes.protocol.naming.MetricNames.TAG_STATUS;

import dev.hermes.protocol.naming.MetricNames;
import java.util.List;

/**
 * The meters of {@link MetricNames} with the type and tags the alarms and dashboard expect, and the
 * others the orchestrator exports (launches, interrupts sent, AWS requests, group-commit batches):
 * every one of {@code MeterCatalog}, which a test holds this list to.
 */
public final class HermesMeters {
    public static final HermesMeter INTAKE_ACCEPTED = HermesMeter.counter(MetricNames.INTAKE_ACCEPTED, TAG_CHANNEL);
    public static final HermesMeter REQUESTS_REJECTED = HermesMeter.counter(MetricNames.REQUESTS_REJECTED, TAG_REASON);
    public static final HermesMeter INTAKE_DUPLICATES = HermesMeter.counter(MetricNames.INTAKE_DUPLICATES, TAG_CHANNEL);
    public static final HermesMeter SIGNATURE_FAILURES =
            HermesMeter.counter(MetricNames.SIGNATURE_FAILURES, TAG_PROVIDER);
    public static final HermesMeter THREAD_SIGNAL = HermesMeter.counter(MetricNames.THREAD_SIGNAL, TAG_SIGNAL);
    public static final HermesMeter THREAD_FOREIGN_SIGNAL =
            HermesMeter.counter(MetricNames.THREAD_FOREIGN_SIGNAL, TAG_SIGNAL);
    public static final HermesMeter DISPATCH_LATENCY = HermesMeter.timer(MetricNames.DISPATCH_LATENCY, TAG_CHANNEL);
    public static final HermesMeter COLD_START = HermesMeter.timer(MetricNames.COLD_START);
    public static final HermesMeter CONTAINERS_LIVE = HermesMeter.gauge(MetricNames.CONTAINERS_LIVE, null);
    public static final HermesMeter QUEUE_WAIT = HermesMeter.timer(MetricNames.QUEUE_WAIT);
    public static final HermesMeter COMMAND_DURATION = HermesMeter.timer(MetricNames.COMMAND_DURATION, TAG_STATUS);
    public static final HermesMeter OLDEST_PENDING_AGE = HermesMeter.gauge(MetricNames.OLDEST_PENDING_AGE, "seconds");
    public static final HermesMeter COMMANDS_DEAD_LETTERED = HermesMeter.counter(MetricNames.COMMANDS_DEAD_LETTERED, TAG_CHANNEL);
    public static final HermesMeter INTERRUPTS = HermesMeter.counter(MetricNames.INTERRUPTS, TAG_OUTCOME);
    public static final HermesMeter INTERRUPT_LATENCY = HermesMeter.timer(MetricNames.INTERRUPT_LATENCY, TAG_OUTCOME);
    public static final HermesMeter LEASE_TAKEOVERS = HermesMeter.counter(MetricNames.LEASE_TAKEOVERS);
    public static final HermesMeter FENCING_REJECTIONS = HermesMeter.counter(MetricNames.FENCING_REJECTIONS);
    public static final HermesMeter REPLIES_SENT = HermesMeter.counter(MetricNames.REPLIES_SENT, TAG_CHANNEL);
    public static final HermesMeter REPLIES_FAILED = HermesMeter.counter(MetricNames.REPLIES_FAILED, TAG_CHANNEL);
    public static final HermesMeter CONTAINERS_LAUNCHED =
            HermesMeter.counter(MetricNames.CONTAINERS_LAUNCHED, TAG_LAUNCHER);
    public static final HermesMeter CONTAINERS_LAUNCH_FAILED =
            HermesMeter.counter(MetricNames.CONTAINERS_LAUNCH_FAILED, TAG_LAUNCHER);
    public static final HermesMeter INTERRUPTS_SENT = HermesMeter.counter(MetricNames.INTERRUPTS_SENT, TAG_KIND);
    public static final HermesMeter AWS_REQUESTS =
            HermesMeter.counter(MetricNames.AWS_REQUESTS, TAG_OPERATION, TAG_SERVICE);
    public static final HermesMeter BATCH_SIZE = HermesMeter.summary(MetricNames.BATCH_SIZE, TAG_STAGE);
    public static final HermesMeter BATCH_DURATION = HermesMeter.timer(MetricNames.BATCH_DURATION, TAG_STAGE);

    public static final List<HermesMeter> ALL = List.of(INTAKE_ACCEPTED, REQUESTS_REJECTED, INTAKE_DUPLICATES,
            SIGNATURE_FAILURES, THREAD_SIGNAL, THREAD_FOREIGN_SIGNAL, DISPATCH_LATENCY, COLD_START, CONTAINERS_LIVE,
            QUEUE_WAIT, COMMAND_DURATION, OLDEST_PENDING_AGE, COMMANDS_DEAD_LETTERED, INTERRUPTS, INTERRUPT_LATENCY,
            LEASE_TAKEOVERS, FENCING_REJECTIONS, REPLIES_SENT, REPLIES_FAILED, CONTAINERS_LAUNCHED,
            CONTAINERS_LAUNCH_FAILED, INTERRUPTS_SENT, AWS_REQUESTS, BATCH_SIZE, BATCH_DURATION);

    private HermesMeters() {
    }
}
