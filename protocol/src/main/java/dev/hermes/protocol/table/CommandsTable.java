package dev.hermes.protocol.table;

/** Attribute names of the {@code commands} table, written by both orchestrator and worker. */
public final class CommandsTable {
    public static final String COMMAND_ID = "commandId";
    public static final String THREAD_ID = "threadId";
    public static final String CONTAINER_KEY = "containerKey";
    public static final String SEQUENCE = "sequence";
    public static final String STATUS = "status";
    public static final String CHANNEL = "channel";
    public static final String TITLE = "title";
    public static final String INSTRUCTION = "instruction";
    public static final String REPLY_ROUTE = "replyRoute";
    public static final String SIGNAL = "signal";
    public static final String ATTEMPTS = "attempts";
    public static final String LEASE_VERSION = "leaseVersion";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String STARTED_AT = "startedAt";
    public static final String FINISHED_AT = "finishedAt";
    public static final String SUMMARY = "summary";
    public static final String BRANCH = "branch";
    public static final String COMMIT_SHA = "commitSha";
    public static final String FILES_CHANGED = "filesChanged";
    public static final String INTERRUPTED_BY = "interruptedBy";
    /** Why the last attempt did not finish (a retryable failure); the command is QUEUED for another try. */
    public static final String LAST_ERROR = "lastError";
    /** Epoch milliseconds when the command was found in the container's DLQ. */
    public static final String DEAD_LETTERED_AT = "deadLetteredAt";
    public static final String REPLY_ID = "replyId";
    /**
     * Present only while the command waits to run (RECEIVED, QUEUED for a retry or a redrive): the
     * hash key of the sparse {@code pending} index, always {@link #PENDING_SHARD_ALL}. Removed by the
     * worker's RUNNING write and by every final write.
     */
    public static final String PENDING_SHARD = "pendingShard";
    /** With {@link #PENDING_SHARD}: epoch milliseconds since when the command waits (the index's sort key). */
    public static final String PENDING_SINCE = "pendingSince";
    /** The one value of {@link #PENDING_SHARD} (one partition is plenty for message rates; shard it if not). */
    public static final String PENDING_SHARD_ALL = "0";
    /** How many times a result was applied to the command (the orchestrator tells the first from a repeat). */
    public static final String RESULTS_APPLIED = "resultsApplied";
    /** Name, type and size of each attachment (list of maps); the content is never stored. */
    public static final String ATTACHMENTS = "attachments";

    private CommandsTable() {
    }
}
