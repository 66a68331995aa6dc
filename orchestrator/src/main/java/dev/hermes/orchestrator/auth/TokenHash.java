package dev.hermes.orchestrator.auth;

import dev.hermes.orchestrator.storage.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API tokens: {@code hrm_} and 256 random bits in base64url, stored as their SHA-256 (a hash is
 * enough: the token has too much entropy to guess, so no slow hash is needed). The public id is the
 * first 16 hex digits of the hash.
 */
public final class TokenHash {
    public static final String PREFIX = "hrm_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHash() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String of(String token) {
        return Sha256.hex(token);
    }

    public static String idOf(String hash) {
        return hash.substring(0, 16);
    }
}
