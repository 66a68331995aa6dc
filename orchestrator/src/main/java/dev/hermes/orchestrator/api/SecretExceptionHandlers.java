package dev.hermes.orchestrator.api;

import dev.hermes.protocol.secret.KeyUnavailableException;
import dev.hermes.protocol.secret.SecretUnreadableException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credential store's failures in the one error shape: the key service unreachable is a 503 with
 * {@code Retry-After} (a retry may help), a stored value that does not decrypt a 500. Neither message
 * holds key material or a value.
 */
@Factory
public class SecretExceptionHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(SecretExceptionHandlers.class);

    @Produces
    @Singleton
    ExceptionHandler<KeyUnavailableException, HttpResponse<ErrorBody>> keyUnavailable() {
        return (HttpRequest request, KeyUnavailableException e) -> {
            LOG.warn("{} {}: {}", request.getMethodName(), request.getPath(), e.getMessage());
            return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(ErrorBody.of("key_service_unavailable", "the key service cannot be reached; retry shortly"));
        };
    }

    @Produces
    @Singleton
    ExceptionHandler<SecretUnreadableException, HttpResponse<ErrorBody>> secretUnreadable() {
        return (HttpRequest request, SecretUnreadableException e) -> {
            LOG.error("{} {}: {}", request.getMethodName(), request.getPath(), e.getMessage());
            return HttpResponse.<ErrorBody>status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .body(ErrorBody.of("secret_unreadable", "a stored secret does not decrypt with this Hermes's keys"));
        };
    }
}
