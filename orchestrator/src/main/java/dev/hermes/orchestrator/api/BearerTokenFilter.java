package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.config.ApiConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Every {@code /api/**} request needs {@code Authorization: Bearer <hermes.api.token>}. */
@ServerFilter("/api/**")
public class BearerTokenFilter {
    private static final String PREFIX = "Bearer ";
    private final byte[] token;

    public BearerTokenFilter(ApiConfig config) {
        this.token = config.token().getBytes(StandardCharsets.UTF_8);
    }

    /** Answers null to let the request through, or the 401 that ends it. */
    @RequestFilter
    @Nullable
    public MutableHttpResponse<ErrorBody> authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().getAuthorization().orElse("");
        if (header.startsWith(PREFIX)
                && MessageDigest.isEqual(token, header.substring(PREFIX.length()).getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return HttpResponse.<ErrorBody>status(HttpStatus.UNAUTHORIZED)
                .body(new ErrorBody("unauthorized", "a valid bearer token is required"));
    }
}
