package dev.hermes.orchestrator.auth;

import java.util.Optional;

/** API tokens by the SHA-256 of the token (the {@code tokens} table); the token itself is never stored. */
public interface TokenStore {
    /** Stores a new token's record under its hash. */
    void create(String tokenHash, ApiToken token);

    Optional<ApiToken> findByHash(String tokenHash);

    Optional<ApiToken> find(String tokenId);

    TokenPage list(String cursor, int limit);

    /**
     * Marks the token revoked (kept for the record). @return the hash it was stored under, empty when
     * there is no such token; a token revoked before stays as it was
     */
    Optional<String> revoke(String tokenId, long now);
}
