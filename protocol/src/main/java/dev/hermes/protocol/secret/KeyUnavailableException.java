package dev.hermes.protocol.secret;

/** The key service (KMS, the key file) cannot be used right now; a retry may help. Never holds key material. */
public class KeyUnavailableException extends RuntimeException {
    public KeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
