package dev.hermes.orchestrator.auth;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is stored of an API token: its public id, a name, its role, who made it and when, and when it
 * was revoked (0 while it is valid). Never the token.
 */
public record ApiToken(String tokenId, String name, Role role, long createdAt, String createdBy, long revokedAt) {
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._@-]{0,63}");

    public ApiToken {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    public boolean revoked() {
        return revokedAt > 0;
    }

    public Principal principal() {
        return new Principal(tokenId, name, role);
    }
}
