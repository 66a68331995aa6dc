package dev.hermes.orchestrator.ops;

import dev.hermes.orchestrator.auth.Authenticator;
import dev.hermes.orchestrator.auth.BrowserSessions;
import dev.hermes.orchestrator.auth.Principal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The ops page's login sessions as the authentication filter sees them: on {@code /ops} paths only,
 * the session cookie's token authenticated again on every request (so its role and a revocation apply
 * at once); a browser without one is sent to the login form when that is on.
 */
@Singleton
public class OpsBrowserSessions implements BrowserSessions {
    private final OpsSessions sessions;
    private final Authenticator authenticator;
    private final OpsConfig config;

    public OpsBrowserSessions(OpsSessions sessions, Authenticator authenticator, OpsConfig config) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.config = config;
    }

    @Override
    public Optional<Principal> principal(HttpRequest<?> request) {
        return session(request).flatMap(s -> authenticator.authenticate(s.token()));
    }

    @Override
    public Optional<MutableHttpResponse<?>> challenge(HttpRequest<?> request) {
        if (isOps(request) && config.loginForm() && OpsResponses.wantsHtml(request)) {
            return Optional.of(OpsResponses.seeOther("/ops/login"));
        }
        return Optional.empty();
    }

    /** The live session of a request to {@code /ops}, from its cookie. */
    Optional<OpsSessions.Session> session(HttpRequest<?> request) {
        if (!isOps(request)) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(OpsGuard.COOKIE).map(Cookie::getValue).flatMap(sessions::find);
    }

    private static boolean isOps(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals("/ops") || path.startsWith("/ops/");
    }
}
