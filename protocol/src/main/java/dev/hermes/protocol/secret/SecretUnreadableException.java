package dev.hermes.protocol.secret;

/**
 * A sealed value does not decrypt: it was sealed for another record or field, with a key this
 * process does not have, or it was altered. Says which record and field, never a value; retrying
 * does not help.
 */
public class SecretUnreadableException extends RuntimeException {
    public SecretUnreadableException(String message) {
        super(message);
    }

    public SecretUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
