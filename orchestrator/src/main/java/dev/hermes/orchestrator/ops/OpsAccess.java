package dev.hermes.orchestrator.ops;

import dev.hermes.orchestrator.config.ApiConfig;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * What a presented token allows on the ops page: to view it, and to operate (redrive). The one place
 * that knows where tokens come from: today the API's bearer token ({@code hermes.api.token}) allows
 * both; a credential store with roles answers here instead (viewer: view; operator, admin: both).
 */
@Singleton
public class OpsAccess {
    /** What the holder of a token may do. */
    public record Grant(boolean view, boolean operate) {
        public static final Grant NONE = new Grant(false, false);
    }

    private final byte[] token;

    public OpsAccess(ApiConfig api) {
        this.token = api.token().getBytes(StandardCharsets.UTF_8);
    }

    /** The grant of {@code presented}, empty when it is no valid token. Compared in constant time. */
    public Optional<Grant> grantFor(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))
                ? Optional.of(new Grant(true, true)) : Optional.empty();
    }
}
