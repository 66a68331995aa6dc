package dev.hermes.protocol.table;

/**
 * Attribute names of the {@code tokens} table: API bearer tokens, keyed by the SHA-256 (hex) of the
 * token; the token itself is never stored. {@code tokenId} is the public name used to list and revoke.
 */
public final class TokensTable {
    public static final String TOKEN_HASH = "tokenHash";
    public static final String TOKEN_ID = "tokenId";
    public static final String NAME = "name";
    public static final String ROLE = "role";
    public static final String CREATED_AT = "createdAt";
    public static final String CREATED_BY = "createdBy";
    /** Present once revoked (epoch ms); a revoked token is kept for the record and refused. */
    public static final String REVOKED_AT = "revokedAt";

    private TokensTable() {
    }
}
