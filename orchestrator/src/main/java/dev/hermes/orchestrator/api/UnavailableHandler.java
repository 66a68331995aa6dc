package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.storage.BackendUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A backend that did not take a write: 503, so the provider delivers again (the retry is safe). */
@Produces
@Singleton
@Requires(classes = {BackendUnavailableException.class, ExceptionHandler.class})
public class UnavailableHandler implements ExceptionHandler<BackendUnavailableException, HttpResponse<ErrorBody>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnavailableHandler.class);

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, BackendUnavailableException e) {
        LOG.warn("{} {} not handled, the sender should retry: {}", request.getMethod(), request.getPath(), e.getMessage());
        return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new ErrorBody("unavailable", "a backend is unavailable; retry later"));
    }
}
