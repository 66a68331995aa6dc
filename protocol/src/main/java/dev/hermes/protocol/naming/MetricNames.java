package dev.hermes.protocol.naming;

/**
 * Micrometer meter names and tag keys that Hermes emits, shared by the services that emit them and
 * by {@code infra/}, whose alarms and dashboard read them back from CloudWatch. {@link MeterCatalog}
 * lists every one with its type and tag keys.
 *
 * <p>Tags are low-cardinality only (the {@code TAG_*} keys below): never a thread, session,
 * command or container id. Exported by micrometer's CloudWatch registry to the namespace
 * {@value #NAMESPACE}: a counter {@code x} arrives as {@code x.count}, a timer as {@code x.sum},
 * {@code x.count}, {@code x.avg}, {@code x.max} (milliseconds), a gauge as {@code x.value}; every
 * tag becomes a dimension. Each constant says its meter type, its tags, and who records it. The
 * worker exports nothing itself: it reports what only it knows on its {@code -out} queue
 * ({@code ProgressMessage}, {@code ResultMessage}, {@code WorkerEventMessage}) and the orchestrator
 * records it.
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
    /** Tag: the kind of interrupt sent ({@code supersede}, {@code preempt}). */
    public static final String TAG_KIND = "kind";
    /** Tag: the container launcher ({@code process}, {@code ecs}). */
    public static final String TAG_LAUNCHER = "launcher";
    /** Tag: the AWS service of a request ({@code DynamoDb}, {@code Sqs} …, as the SDK names it). */
    public static final String TAG_SERVICE = "service";
    /** Tag: the AWS operation of a request ({@code PutItem}, {@code SendMessageBatch} …). */
    public static final String TAG_OPERATION = "operation";
    /** Tag: a group-commit stage ({@code intake-commit}, {@code dispatch-sequence}, {@code dispatch-send}, {@code after-dispatch}). */
    public static final String TAG_STAGE = "stage";

    /** Counter, tag {@link #TAG_CHANNEL}: a message accepted as a new command (202). Orchestrator. */
    public static final String INTAKE_ACCEPTED = "hermes.intake.accepted";
    /** Counter, tag {@link #TAG_REASON}: a request answered with a 4xx (or an inbound-email queue message refused for one). Orchestrator. */
    public static final String REQUESTS_REJECTED = "hermes.requests.rejected";
    /** Counter, tag {@link #TAG_CHANNEL}: a redelivered event answered {@code 200 duplicate}. Orchestrator. */
    public static final String INTAKE_DUPLICATES = "hermes.intake.duplicates";
    /** Counter, tag {@link #TAG_PROVIDER}: a webhook whose signature or secret did not verify. Orchestrator. */
    public static final String SIGNATURE_FAILURES = "hermes.webhooks.signature_failures";
    /** Counter, tag {@link #TAG_SIGNAL}: the signal a message's thread was resolved by. Orchestrator. */
    public static final String THREAD_SIGNAL = "hermes.thread.signal";
    /** Counter, tag {@link #TAG_SIGNAL}: a signal ignored because it names another user's thread. Orchestrator. */
    public static final String THREAD_FOREIGN_SIGNAL = "hermes.thread.foreign_signal";

    /** Timer, tag {@link #TAG_CHANNEL}: the intake taking the message (verified, parsed) to its command sent on {@code -in.fifo}. Orchestrator. */
    public static final String DISPATCH_LATENCY = "hermes.dispatch.latency";
    /** Timer, no tags: container {@code COLD → STARTING} to the worker's lease, on the orchestrators' clock. Orchestrator (from the worker's report). */
    public static final String COLD_START = "hermes.containers.cold_start";
    /** Gauge, no tags: containers holding a live lease (a global view: every instance reports the same). Orchestrator. */
    public static final String CONTAINERS_LIVE = "hermes.containers.live";
    /** Counter, tag {@link #TAG_LAUNCHER}: a worker launched. Orchestrator. */
    public static final String CONTAINERS_LAUNCHED = "hermes.containers.launched";
    /** Counter, tag {@link #TAG_LAUNCHER}: a launch that failed (the reaper retries). Orchestrator. */
    public static final String CONTAINERS_LAUNCH_FAILED = "hermes.containers.launch_failed";

    /** Timer, no tags: a command's message sent to the command RUNNING (first delivery only). Orchestrator (from the worker's report). */
    public static final String QUEUE_WAIT = "hermes.commands.queue_wait";
    /** Timer, tag {@link #TAG_STATUS}: command RUNNING to its terminal status (the last attempt). Orchestrator (from the worker's result). */
    public static final String COMMAND_DURATION = "hermes.commands.duration";
    /** Gauge, base unit seconds, no tags: age of the oldest command waiting to run (RECEIVED or QUEUED), 0 when none (global view). Orchestrator. */
    public static final String OLDEST_PENDING_AGE = "hermes.commands.oldest_pending_age";
    /** Counter, tag {@link #TAG_CHANNEL}: a command found in a container's {@code -dlq.fifo} and marked DEAD_LETTERED. Orchestrator. */
    public static final String COMMANDS_DEAD_LETTERED = "hermes.commands.dead_lettered";

    /** Counter, tag {@link #TAG_KIND}: an interrupt sent to a container's {@code -ctl} queue. Orchestrator. */
    public static final String INTERRUPTS_SENT = "hermes.interrupts.sent";
    /** Counter, tag {@link #TAG_OUTCOME}: an interrupt handled by a worker. Orchestrator (from the worker's report). */
    public static final String INTERRUPTS = "hermes.interrupts";
    /**
     * Timer, tag {@link #TAG_OUTCOME}: the orchestrator accepting the newer message to the old agent
     * stopped, its work in progress pushed and its outcome written. Orchestrator (from the worker's report).
     */
    public static final String INTERRUPT_LATENCY = "hermes.interrupts.latency";

    /** Counter, no tags: a lease taken over after it expired (by a worker, or taken back by the reaper). Orchestrator. */
    public static final String LEASE_TAKEOVERS = "hermes.lease.takeovers";
    /** Counter, no tags: a worker's write refused because the lease version moved on or expired. Orchestrator (from the worker's report). */
    public static final String FENCING_REJECTIONS = "hermes.lease.fencing_rejections";

    /** Counter, tag {@link #TAG_CHANNEL}: a reply handed to its provider. Orchestrator. */
    public static final String REPLIES_SENT = "hermes.replies.sent";
    /** Counter, tag {@link #TAG_CHANNEL}: a reply given up on (outbox row FAILED). Orchestrator. */
    public static final String REPLIES_FAILED = "hermes.replies.failed";

    /** Counter, tags {@link #TAG_SERVICE}, {@link #TAG_OPERATION}: a request to AWS (or an emulator). Orchestrator. */
    public static final String AWS_REQUESTS = "hermes.aws.requests";
    /** Distribution summary, tag {@link #TAG_STAGE}: items per batch of a group-commit stage. Orchestrator. */
    public static final String BATCH_SIZE = "hermes.batch.size";
    /** Timer, tag {@link #TAG_STAGE}: time to settle one batch of a group-commit stage. Orchestrator. */
    public static final String BATCH_DURATION = "hermes.batch.duration";

    private MetricNames() {
    }
}
