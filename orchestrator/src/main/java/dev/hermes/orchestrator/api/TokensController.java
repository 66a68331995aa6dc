package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.auth.ApiToken;
import dev.hermes.orchestrator.auth.Authenticator;
import dev.hermes.orchestrator.auth.Principal;
import dev.hermes.orchestrator.auth.RequiresRole;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.auth.TokenHash;
import dev.hermes.orchestrator.auth.TokenPage;
import dev.hermes.orchestrator.auth.TokenStore;
import dev.hermes.orchestrator.inbound.RejectedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/tokens} (admin): bearer tokens with a role. A new token is shown once, in the answer
 * to its creation; only its SHA-256 is stored. Revoked tokens are refused and kept for the record.
 * {@code GET /api/whoami} tells any token what it is.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokensController {
    private static final Logger LOG = LoggerFactory.getLogger(TokensController.class);
    private final TokenStore tokens;
    private final Authenticator authenticator;
    private final Clock clock;

    public TokensController(TokenStore tokens, Authenticator authenticator, Clock clock) {
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    @Serdeable
    public record TokenView(String tokenId, String name, String role, Instant createdAt, String createdBy,
                            @Nullable Instant revokedAt, boolean revoked) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.tokenId(), t.name(), t.role().wireName(), Instant.ofEpochMilli(t.createdAt()),
                    t.createdBy(), t.revoked() ? Instant.ofEpochMilli(t.revokedAt()) : null, t.revoked());
        }
    }

    /** The answer to a creation: the token itself, this once. */
    @Serdeable
    public record CreatedToken(String tokenId, String name, String role, Instant createdAt, String createdBy, String token) {
    }

    @Serdeable
    public record TokenList(List<TokenView> tokens, @Nullable String nextCursor) {
    }

    @Serdeable
    public record WhoAmI(String tokenId, String name, String role) {
    }

    @Post("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    public HttpResponse<CreatedToken> create(HttpRequest<?> request, @Body String body) {
        JsonFields fields = JsonFields.parse(body).only(Set.of("name", "role"));
        String name = fields.text("name");
        if (!ApiToken.NAME.matcher(name).matches()) {
            throw new InvalidFieldException("name", "must be 1 to 64 of letters, digits, space and ._@- (starting with a letter or digit)");
        }
        Role role = Role.parse(fields.text("role"))
                .orElseThrow(() -> new InvalidFieldException("role", "must be viewer, operator or admin"));
        String token = TokenHash.newToken();
        String hash = TokenHash.of(token);
        ApiToken record = new ApiToken(TokenHash.idOf(hash), name, role, clock.millis(), Principal.of(request).tokenId(), 0);
        tokens.create(hash, record);
        LOG.info("token {} ({}, {}) created by {}", record.tokenId(), name, role.wireName(), record.createdBy());
        return HttpResponse.status(HttpStatus.CREATED).body(new CreatedToken(record.tokenId(), name, role.wireName(),
                Instant.ofEpochMilli(record.createdAt()), record.createdBy(), token));
    }

    @Get("/tokens")
    @RequiresRole(Role.ADMIN)
    public TokenList list(@QueryValue @Nullable String cursor, @QueryValue @Nullable Integer limit) {
        TokenPage page = tokens.list(cursor, PageLimit.of(limit));
        return new TokenList(page.tokens().stream().map(TokenView::of).toList(), page.nextCursor());
    }

    @Get("/tokens/{tokenId}")
    @RequiresRole(Role.ADMIN)
    public TokenView get(String tokenId) {
        return tokens.find(tokenId).map(TokenView::of)
                .orElseThrow(() -> new RejectedException(404, "not_found", "no token " + tokenId));
    }

    @Delete("/tokens/{tokenId}")
    @RequiresRole(Role.ADMIN)
    public HttpResponse<Void> revoke(HttpRequest<?> request, String tokenId) {
        String hash = tokens.revoke(tokenId, clock.millis())
                .orElseThrow(() -> new RejectedException(404, "not_found", "no token " + tokenId));
        authenticator.forget(hash);
        LOG.info("token {} revoked by {}", tokenId, Principal.of(request).tokenId());
        return HttpResponse.noContent();
    }

    @Get("/whoami")
    @RequiresRole(Role.VIEWER)
    public WhoAmI whoami(HttpRequest<?> request) {
        Principal p = Principal.of(request);
        return new WhoAmI(p.tokenId(), p.name(), p.role().wireName());
    }
}
