package dev.hermes.orchestrator.idempotency;

/**
 * What the idempotency table holds for a key: the fingerprint of the request that claimed it, and,
 * once that request finished, its status and JSON body (null while it still runs).
 */
public record StoredResponse(String requestHash, boolean done, int status, byte[] body) {
}
