package dev.hermes.protocol.table;

/** Attribute names of the {@code containers} table: queues, status and the lease (fencing token). */
public final class ContainersTable {
    public static final String CONTAINER_KEY = "containerKey";
    public static final String PROJECT_ID = "projectId";
    public static final String USER_ID = "userId";
    public static final String STATUS = "status";
    public static final String IN_QUEUE_URL = "inQueueUrl";
    public static final String DLQ_URL = "dlqUrl";
    public static final String CTL_QUEUE_URL = "ctlQueueUrl";
    public static final String OUT_QUEUE_URL = "outQueueUrl";
    public static final String LEASE_OWNER = "leaseOwner";
    /** Bumped on every acquisition; every fenced write conditions on it. */
    public static final String LEASE_VERSION = "leaseVersion";
    /** Epoch milliseconds. */
    public static final String LEASE_EXPIRES_AT = "leaseExpiresAt";
    public static final String LAUNCHER_HANDLE = "launcherHandle";
    public static final String STARTING_AT = "startingAt";
    public static final String NEXT_SEQUENCE = "nextSequence";
    /** The command the lease holder is running now (written with the lease version in the condition). */
    public static final String RUNNING_COMMAND = "runningCommand";
    /** The thread of {@link #RUNNING_COMMAND}: tells a newer command of that thread (supersede) from another (preempt). */
    public static final String RUNNING_THREAD = "runningThread";
    public static final String LAST_ACTIVITY_AT = "lastActivityAt";

    private ContainersTable() {
    }
}
