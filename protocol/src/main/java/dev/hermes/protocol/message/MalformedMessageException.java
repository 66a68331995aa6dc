package dev.hermes.protocol.message;

/** A queue message that cannot be read. Redelivery never helps: it belongs in the DLQ. */
public class MalformedMessageException extends IllegalArgumentException {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
