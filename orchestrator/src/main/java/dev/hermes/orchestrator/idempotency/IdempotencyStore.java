package dev.hermes.orchestrator.idempotency;

import java.util.Optional;

/** Claims and stored responses of {@code Idempotency-Key} requests, each until it expires. */
public interface IdempotencyStore {
    /** The live (unexpired) entry of a key. */
    Optional<StoredResponse> find(String key);

    /** Claims the key for a request with this fingerprint. @return false when a live entry holds it */
    boolean claim(String key, String requestHash);

    /** Stores the response of the request that holds the claim. */
    void complete(String key, String requestHash, int status, byte[] body);

    /** Gives the claim up (the request failed on the server's side: a retry should run it again). */
    void release(String key, String requestHash);
}
