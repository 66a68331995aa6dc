package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.inbound.RejectedException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** Bad input becomes its 4xx with a one-line reason, counted by reason ({@code hermes.requests.rejected}). */
@Produces
@Singleton
@Requires(classes = {RejectedException.class, ExceptionHandler.class})
public class RejectedExceptionHandler implements ExceptionHandler<RejectedException, HttpResponse<ErrorBody>> {
    private final MeterRegistry meters;

    public RejectedExceptionHandler(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, RejectedException e) {
        meters.counter("hermes.requests.rejected", "reason", e.code()).increment();
        MutableHttpResponse<ErrorBody> response = HttpResponse.<ErrorBody>status(HttpStatus.valueOf(e.status()))
                .body(new ErrorBody(e.code(), e.getMessage(), e instanceof InvalidFieldException f ? f.field() : null));
        if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response;
    }
}
