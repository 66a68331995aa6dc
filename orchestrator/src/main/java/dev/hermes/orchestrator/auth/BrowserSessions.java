package dev.hermes.orchestrator.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import java.util.Optional;

/**
 * The second way in, for a browser on the ops page: a login session whose cookie stands for the
 * token pasted at login. The authentication filter asks it only when a request has no bearer token;
 * it answers nothing for any path outside {@code /ops}, so {@code /api} stays bearer-only (a cookie
 * there would make every JSON endpoint a CSRF target).
 */
public interface BrowserSessions {
    /** The caller of a request without a bearer token, from its session cookie; empty without a live session. */
    Optional<Principal> principal(HttpRequest<?> request);

    /** What an unauthenticated browser gets instead of a 401 (the login form), if anything. */
    Optional<MutableHttpResponse<?>> challenge(HttpRequest<?> request);
}
