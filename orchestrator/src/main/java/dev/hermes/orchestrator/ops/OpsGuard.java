package dev.hermes.orchestrator.ops;

import dev.hermes.orchestrator.auth.Principal;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.inbound.Hmac;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who is asking, once the authentication filter let the request through (its role, checked there
 * against the endpoint's {@code @RequiresRole}): a bearer token or a login session. Every
 * state-changing request must also carry the viewer's CSRF token: the session's own, or for a bearer
 * token an HMAC of it (never the token itself), so a proxy that adds the header to every request
 * cannot be used for a cross-site POST either.
 */
@Singleton
public class OpsGuard {
    public static final String COOKIE = "hermes_ops";
    private static final String BEARER = "Bearer ";
    private final OpsBrowserSessions sessions;

    /** The caller and their CSRF token; {@code sessionId} null for a bearer token. */
    public record Viewer(Principal principal, String csrf, @Nullable String sessionId) {
        public boolean may(Role role) {
            return principal.role().includes(role);
        }

        @Override
        public String toString() {
            return "Viewer[" + principal.tokenId() + ", " + principal.role().wireName() + "]";
        }
    }

    public OpsGuard(OpsBrowserSessions sessions) {
        this.sessions = sessions;
    }

    /** @throws OpsDeniedException 401 when the request was not authenticated */
    public Viewer viewer(HttpRequest<?> request) {
        Principal principal = request.getAttribute(Principal.ATTRIBUTE, Principal.class)
                .orElseThrow(OpsDeniedException::unauthenticated);
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isPresent() && header.get().startsWith(BEARER)) {
            return new Viewer(principal, csrfOf(header.get().substring(BEARER.length()).strip()), null);
        }
        OpsSessions.Session session = sessions.session(request).orElseThrow(OpsDeniedException::unauthenticated);
        return new Viewer(principal, session.csrf(), session.id());
    }

    /** A form post: @throws OpsDeniedException 401 as above, 403 without the right CSRF token */
    public Viewer requireForm(HttpRequest<?> request, @Nullable String csrf) {
        Viewer v = viewer(request);
        if (!Hmac.matches(v.csrf(), csrf)) {
            throw new OpsDeniedException(403, "csrf", "the form's CSRF token is missing or wrong; reload the page");
        }
        return v;
    }

    private static String csrfOf(String token) {
        return HexFormat.of().formatHex(Hmac.sha256(token.getBytes(StandardCharsets.UTF_8),
                "hermes-ops-csrf".getBytes(StandardCharsets.UTF_8)));
    }
}
