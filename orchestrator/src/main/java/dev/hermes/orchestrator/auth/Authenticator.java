package dev.hermes.orchestrator.auth;

import dev.hermes.orchestrator.config.ApiConfig;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a bearer token into a {@link Principal}: the bootstrap token of {@code hermes.api.token}
 * (admin, compared in constant time, never stored), else a stored token found by its hash and not
 * revoked. Lookups are cached for {@code hermes.api.token-cache}; a revocation through this
 * instance takes effect at once.
 */
@Singleton
public class Authenticator {
    static final String BOOTSTRAP_ID = "bootstrap";
    private static final int MAX_CACHED = 10_000;
    private final TokenStore tokens;
    private final byte[] bootstrap;
    private final long ttlNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public Authenticator(TokenStore tokens, ApiConfig config) {
        this.tokens = tokens;
        this.bootstrap = config.token() == null ? null : config.token().getBytes(StandardCharsets.UTF_8);
        this.ttlNanos = config.tokenCache().toNanos();
    }

    private record Cached(Optional<Principal> principal, long loadedAt) {
    }

    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return Optional.empty();
        }
        if (bootstrap != null && MessageDigest.isEqual(bootstrap, token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new Principal(BOOTSTRAP_ID, "hermes.api.token", Role.ADMIN));
        }
        String hash = TokenHash.of(token);
        long now = System.nanoTime();
        Cached cached = cache.get(hash);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.principal();
        }
        Optional<Principal> principal = tokens.findByHash(hash).filter(t -> !t.revoked()).map(ApiToken::principal);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(hash, new Cached(principal, now));
        return principal;
    }

    /** The token stored under {@code hash} changed (revoked): look it up again. */
    public void forget(String hash) {
        cache.remove(hash);
    }
}
