package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.metrics.Rejections;
import dev.hermes.protocol.id.InvalidIdException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** An id that fails validation anywhere in a request is the caller's mistake: 400. */
@Produces
@Singleton
public class InvalidIdExceptionHandler implements ExceptionHandler<InvalidIdException, HttpResponse<ErrorBody>> {
    private final Rejections rejections;

    public InvalidIdExceptionHandler(Rejections rejections) {
        this.rejections = rejections;
    }

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, InvalidIdException e) {
        rejections.count("invalid_id");
        return HttpResponse.badRequest(new ErrorBody("invalid_id", e.getMessage()));
    }
}
