package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.inbound.RejectedException;

/**
 * A request field is missing or wrong: 400 (or the given status) naming the field by its JSON path
 * ({@code agent.timeoutSeconds}), query parameter or header. The message says what is expected and
 * never repeats the value, which may be a secret.
 */
public class InvalidFieldException extends RejectedException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        this(400, "invalid_field", field, message);
    }

    public InvalidFieldException(int status, String code, String field, String message) {
        super(status, code, field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
