package dev.hermes.orchestrator.storage;

/**
 * DynamoDB or SQS did not take a write the intake needs now. Transient: nothing half-done is
 * left that a retry of the same delivery cannot complete, so the webhook answers 503.
 */
public class BackendUnavailableException extends RuntimeException {
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
