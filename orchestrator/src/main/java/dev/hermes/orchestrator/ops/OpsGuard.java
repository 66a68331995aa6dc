package dev.hermes.orchestrator.ops;

import dev.hermes.orchestrator.inbound.Hmac;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who is asking: an {@code Authorization: Bearer} token, else the session cookie of the login form.
 * Every state-changing request must also carry the viewer's CSRF token: the session's own, or for a
 * bearer token an HMAC of it (never the token itself), so a proxy that adds the header to every
 * request cannot be used for a cross-site POST either.
 */
@Singleton
public class OpsGuard {
    public static final String COOKIE = "hermes_ops";
    private static final String BEARER = "Bearer ";
    private final OpsAccess access;
    private final OpsSessions sessions;

    /** The grant and the CSRF token of the request's holder; {@code sessionId} null for a bearer token. */
    public record Viewer(OpsAccess.Grant grant, String csrf, @Nullable String sessionId) {
        @Override
        public String toString() {
            return "Viewer[" + grant + "]";
        }
    }

    public OpsGuard(OpsAccess access, OpsSessions sessions) {
        this.access = access;
        this.sessions = sessions;
    }

    public Optional<Viewer> viewer(HttpRequest<?> request) {
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isPresent()) {
            String value = header.get();
            if (!value.startsWith(BEARER)) {
                return Optional.empty();
            }
            String token = value.substring(BEARER.length());
            return access.grantFor(token).map(g -> new Viewer(g, csrfOf(token), null));
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(sessions::find)
                .map(s -> new Viewer(s.grant(), s.csrf(), s.id()));
    }

    /** @throws OpsDeniedException 401 without a valid token or session, 403 without the view grant */
    public Viewer requireView(HttpRequest<?> request) {
        Viewer v = viewer(request).orElseThrow(OpsDeniedException::unauthenticated);
        if (!v.grant().view()) {
            throw new OpsDeniedException(403, "forbidden", "this token may not view the ops page");
        }
        return v;
    }

    /** A form post of a viewer: @throws OpsDeniedException 401 as above, 403 without the right CSRF token */
    public Viewer requireForm(HttpRequest<?> request, @Nullable String csrf) {
        Viewer v = viewer(request).orElseThrow(OpsDeniedException::unauthenticated);
        if (!Hmac.matches(v.csrf(), csrf)) {
            throw new OpsDeniedException(403, "csrf", "the form's CSRF token is missing or wrong; reload the page");
        }
        return v;
    }

    /** @throws OpsDeniedException as {@link #requireForm}; 403 without the operate grant */
    public Viewer requireOperate(HttpRequest<?> request, @Nullable String csrf) {
        Viewer v = requireForm(request, csrf);
        if (!v.grant().operate()) {
            throw new OpsDeniedException(403, "forbidden", "this token may not operate");
        }
        return v;
    }

    private static String csrfOf(String token) {
        return HexFormat.of().formatHex(Hmac.sha256(token.getBytes(StandardCharsets.UTF_8),
                "hermes-ops-csrf".getBytes(StandardCharsets.UTF_8)));
    }
}
