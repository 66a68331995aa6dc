package dev.hermes.orchestrator.auth;

import io.micronaut.http.HttpRequest;
import java.util.Objects;

/** Who made an API request: the token's public id and name, and its role. */
public record Principal(String tokenId, String name, Role role) {
    /** The request attribute the authentication filter puts it in. */
    public static final String ATTRIBUTE = "hermes.principal";

    public Principal {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** The authenticated caller of a request that passed the filter. */
    public static Principal of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Principal.class)
                .orElseThrow(() -> new IllegalStateException("the request was not authenticated"));
    }
}
