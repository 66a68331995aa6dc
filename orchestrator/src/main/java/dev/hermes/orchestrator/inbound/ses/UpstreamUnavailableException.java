package dev.hermes.orchestrator.inbound.ses;

/**
 * Something the intake needs from AWS (the signing certificate, the stored MIME) could not be had
 * now. Transient: the webhook answers 503 so SNS retries; the queue consumer leaves the message.
 */
public class UpstreamUnavailableException extends RuntimeException {
    public UpstreamUnavailableException(String what, String reason, Throwable cause) {
        super(what + " unavailable: " + reason, cause);
    }
}
