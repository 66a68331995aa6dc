package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.metrics.Rejections;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A body over {@code micronaut.server.max-request-size}: 413 in the one error shape. */
@Produces
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public class TooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<ErrorBody>> {
    private final Rejections rejections;

    public TooLargeHandler(Rejections rejections) {
        this.rejections = rejections;
    }

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, ContentLengthExceededException e) {
        rejections.count("too_large");
        return HttpResponse.<ErrorBody>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                .body(new ErrorBody("too_large", "the request body is over the size limit"));
    }
}
