package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.orchestrator.metrics.Rejections;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Bad input becomes its 4xx with a one-line reason, counted by reason ({@code hermes.requests.rejected}). */
@Produces
@Singleton
@Requires(classes = {RejectedException.class, ExceptionHandler.class})
public class RejectedExceptionHandler implements ExceptionHandler<RejectedException, HttpResponse<ErrorBody>> {
    private final Rejections rejections;

    public RejectedExceptionHandler(Rejections rejections) {
        this.rejections = rejections;
    }

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, RejectedException e) {
        rejections.count(e.code());
        MutableHttpResponse<ErrorBody> response = HttpResponse.<ErrorBody>status(HttpStatus.valueOf(e.status()))
                .body(new ErrorBody(e.code(), e.getMessage(), e instanceof InvalidFieldException f ? f.field() : null));
        if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response;
    }
}
