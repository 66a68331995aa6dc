package dev.hermes.infra.data;

/**
 * Key attribute names of the tables that have no {@code dev.hermes.protocol.table.*Table} class yet.
 * Move each to protocol (ThreadsTable, ThreadKeysTable) once it exists there.
 */
final class KeyAttributes {
    /** {@code threads} partition key. */
    static final String THREADS_THREAD_ID = "threadId";
    /** {@code threads} GSI {@code by-container} partition key. */
    static final String THREADS_CONTAINER_KEY = "containerKey";
    /** {@code threads} GSI {@code by-container} sort key, epoch milliseconds. */
    static final String THREADS_LAST_ACTIVITY_AT = "lastActivityAt";
    /** {@code thread-keys} partition key. */
    static final String THREAD_KEYS_KEY = "key";

    private KeyAttributes() {
    }
}
