package dev.hermes.orchestrator.api;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The one error shape of every endpoint: a code, a one-line message, and the request field it is
 * about (a JSON path such as {@code agent.timeoutSeconds}, a query parameter or a header), else null.
 * Never holds a submitted value.
 */
@Serdeable
public record ErrorBody(String error, String message, @Nullable String field) {
    @Creator
    public ErrorBody {
    }

    public ErrorBody(String error, String message) {
        this(error, message, null);
    }

    public static ErrorBody of(String error, String message) {
        return new ErrorBody(error, message, null);
    }
}
