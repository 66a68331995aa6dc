package dev.hermes.protocol.table;

/**
 * Attribute names of the {@code idempotency} table: one item per caller and {@code Idempotency-Key},
 * holding the request's fingerprint and the stored response (sealed), until {@code expiresAt}.
 */
public final class IdempotencyTable {
    public static final String KEY = "key";
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    public static final String REQUEST_HASH = "requestHash";
    /** {@code PENDING} while the first request runs, {@code DONE} once its response is stored. */
    public static final String STATE = "state";
    public static final String STATUS = "status";
    /** The response body, sealed (it may hold a token shown once). */
    public static final String BODY = "body";
    public static final String CREATED_AT = "createdAt";
    /** DynamoDB TTL, epoch seconds. */
    public static final String EXPIRES_AT = "expiresAt";

    private IdempotencyTable() {
    }
}
