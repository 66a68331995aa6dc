package dev.hermes.protocol.naming;

/**
 * Micrometer meter names and tag keys that Hermes emits, shared by the services that emit them and
 * by {@code infra/}, whose alarms and dashboard read them back from CloudWatch.
 *
 * <p>Tags are low-cardinality only (the {@code TAG_*} keys below): never a thread, session,
 * command or container id. Exported by micrometer's CloudWatch registry to the namespace
 * {@value #NAMESPACE}: a counter {@code x} arrives as {@code x.count}, a timer as {@code x.sum},
 * {@code x.count}, {@code x.avg}, {@code x.max} (milliseconds), a gauge as {@code x.value}; every
 * tag becomes a dimension. Each constant says its meter type, its tags, and who emits it.
 */
public final class MetricNames {
    /** CloudWatch namespace ({@code micronaut.metrics.export.cloudwatch.namespace}). */
    public static final String NAMESPACE = "Hermes";

    /** Tag: the inbound channel, {@code Channel} name in lower case ({@code email}, {@code sms}, {@code chat}). */
    public static final String TAG_CHANNEL = "channel";
    /** Tag: the rejection code of the 4xx answer ({@code header_limit}, {@code rate_limited} …). */
    public static final String TAG_REASON = "reason";
    /** Tag: the thread signal that matched ({@code ThreadSignal} name). */
    public static final String TAG_SIGNAL = "signal";
    /** Tag: a command's terminal status ({@code CommandStatus} name). */
    public static final String TAG_STATUS = "status";
    /** Tag: the signing provider of a webhook ({@code sns}, {@code twilio}, {@code slack}, {@code chat}, {@code mime}). */
    public static final String TAG_PROVIDER = "provider";
    /** Tag: what an interrupt ended as ({@code superseded}, {@code preempted}, {@code ignored}). */
    public static final String TAG_OUTCOME = "outcome";

    /** Counter, tag {@link #TAG_CHANNEL}: a message accepted as a new command (202). Orchestrator. */
    public static final String INTAKE_ACCEPTED = "hermes.intake.accepted";
    /** Counter, tag {@link #TAG_REASON}: a request answered with a 4xx. Orchestrator. */
    public static final String REQUESTS_REJECTED = "hermes.requests.rejected";
    /** Counter, tag {@link #TAG_CHANNEL}: a redelivered event answered {@code 200 duplicate}. Orchestrator. */
    public static final String INTAKE_DUPLICATES = "hermes.intake.duplicates";
    /** Counter, tag {@link #TAG_PROVIDER}: a webhook whose signature or secret did not verify. Orchestrator. */
    public static final String SIGNATURE_FAILURES = "hermes.webhooks.signature_failures";
    /** Counter, tag {@link #TAG_SIGNAL}: the signal a message's thread was resolved by. Orchestrator. */
    public static final String THREAD_SIGNAL = "hermes.thread.signal";
    /** Counter, tag {@link #TAG_SIGNAL}: a signal ignored because it names another user's thread. Orchestrator. */
    public static final String THREAD_FOREIGN_SIGNAL = "hermes.thread.foreign_signal";

    /** Timer, tag {@link #TAG_CHANNEL}: webhook received to command sent on {@code -in.fifo}. Orchestrator. */
    public static final String DISPATCH_LATENCY = "hermes.dispatch.latency";
    /** Timer, no tags: container {@code COLD → STARTING} to the worker's lease. Orchestrator or worker. */
    public static final String COLD_START = "hermes.containers.cold_start";
    /** Gauge, no tags: containers holding a live lease (a global view: every instance reports the same). Orchestrator. */
    public static final String CONTAINERS_LIVE = "hermes.containers.live";

    /** Timer, no tags: command queued to command RUNNING. Orchestrator (from the result) or worker. */
    public static final String QUEUE_WAIT = "hermes.commands.queue_wait";
    /** Timer, tag {@link #TAG_STATUS}: command RUNNING to its terminal status. Orchestrator (from the result) or worker. */
    public static final String COMMAND_DURATION = "hermes.commands.duration";
    /** Gauge, base unit seconds, no tags: age of the oldest QUEUED command, 0 when none (global view). Orchestrator. */
    public static final String OLDEST_PENDING_AGE = "hermes.commands.oldest_pending_age";
    /** Counter, no tags: a command found in a container's {@code -dlq.fifo}. Orchestrator. */
    public static final String COMMANDS_DEAD_LETTERED = "hermes.commands.dead_lettered";

    /** Counter, tag {@link #TAG_OUTCOME}: an interrupt handled by a worker. Worker or orchestrator (from the result). */
    public static final String INTERRUPTS = "hermes.interrupts";
    /** Timer, tag {@link #TAG_OUTCOME}: interrupt sent to the agent stopped and its work checkpointed. Worker. */
    public static final String INTERRUPT_LATENCY = "hermes.interrupts.latency";

    /** Counter, no tags: a lease taken over after it expired. Worker (or the reaper). */
    public static final String LEASE_TAKEOVERS = "hermes.lease.takeovers";
    /** Counter, no tags: a write refused because the lease version moved on. Worker. */
    public static final String FENCING_REJECTIONS = "hermes.lease.fencing_rejections";

    /** Counter, tag {@link #TAG_CHANNEL}: a reply handed to its provider. Orchestrator. */
    public static final String REPLIES_SENT = "hermes.replies.sent";
    /** Counter, tag {@link #TAG_CHANNEL}: a reply given up on (outbox row FAILED). Orchestrator. */
    public static final String REPLIES_FAILED = "hermes.replies.failed";

    private MetricNames() {
    }
}
