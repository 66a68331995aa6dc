package dev.hermes.protocol.id;

/** An identifier from outside failed validation. Retrying with the same input never helps. */
public class InvalidIdException extends IllegalArgumentException {
    public InvalidIdException(String message) {
        super(message);
    }
}
