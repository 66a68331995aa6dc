package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.auth.Authenticator;
import dev.hermes.orchestrator.auth.BrowserSessions;
import dev.hermes.orchestrator.auth.NoTokenRequired;
import dev.hermes.orchestrator.auth.Principal;
import dev.hermes.orchestrator.auth.RequiresRole;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.config.ApiConfig;
import dev.hermes.orchestrator.metrics.Rejections;
import dev.hermes.orchestrator.ratelimit.TokenBuckets;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import java.util.Optional;

/**
 * Every {@code /api} and {@code /ops} request: a bearer token (401 without a valid one), the token's
 * rate limit (429 with {@code Retry-After}), and the role the endpoint declares with
 * {@link RequiresRole} (403 for a lower one, and for an endpoint that declares none: fail closed).
 * The caller is then the request's {@link Principal}. Without a bearer token, an {@code /ops} request
 * may be a browser's login session ({@link BrowserSessions}); an endpoint marked
 * {@link NoTokenRequired} (the login form and its static files) needs neither.
 */
@ServerFilter({"/api/**", "/ops", "/ops/**"})
public class ApiAuthFilter implements Ordered {
    public static final int ORDER = 100;
    private static final String PREFIX = "Bearer ";
    private final Authenticator authenticator;
    private final TokenBuckets limits;
    private final BrowserSessions sessions;
    private final Rejections rejections;

    public ApiAuthFilter(Authenticator authenticator, ApiConfig config, BrowserSessions sessions, Rejections rejections) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.rejections = rejections;
        this.limits = new TokenBuckets(config.burst(), config.perMinute());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Answers null to let the request through, or the response that ends it. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public MutableHttpResponse<?> authenticate(HttpRequest<?> request) {
        Optional<RouteInfo<?>> route = RouteAttributes.getRouteInfo(request);
        if (route.isPresent() && route.get().getAnnotationMetadata().hasAnnotation(NoTokenRequired.class)) {
            return null;
        }
        String header = request.getHeaders().getAuthorization().orElse("");
        Optional<Principal> found = header.startsWith(PREFIX)
                ? authenticator.authenticate(header.substring(PREFIX.length()).strip())
                : header.isEmpty() ? sessions.principal(request) : Optional.empty();
        if (found.isEmpty()) {
            // A browser without a session is sent to the login form; anyone else is refused.
            return sessions.challenge(request).orElseGet(() -> {
                rejections.count("unauthorized");
                return HttpResponse.<ErrorBody>status(HttpStatus.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                        .body(ErrorBody.of("unauthorized", "a valid bearer token is required"));
            });
        }
        Principal principal = found.get();
        long wait = limits.secondsUntilAllowed(principal.tokenId());
        if (wait > 0) {
            rejections.count("rate_limited");
            return HttpResponse.<ErrorBody>status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(wait))
                    .body(ErrorBody.of("rate_limited", "too many requests with this token; retry in " + wait + " s"));
        }
        if (route.isPresent()) {
            Optional<Role> required = requiredRole(route.get());
            if (required.isEmpty()) {
                return forbidden("this endpoint declares no role, so no token may use it");
            }
            if (!principal.role().includes(required.get())) {
                return forbidden("this needs the " + required.get().wireName() + " role; the token is "
                        + principal.role().wireName());
            }
        }
        request.setAttribute(Principal.ATTRIBUTE, principal);
        return null;
    }

    /** The role a route declares on its method, else on its controller. */
    public static Optional<Role> requiredRole(RouteInfo<?> route) {
        return route.getAnnotationMetadata().enumValue(RequiresRole.class, Role.class);
    }

    private MutableHttpResponse<ErrorBody> forbidden(String message) {
        rejections.count("forbidden");
        return HttpResponse.<ErrorBody>status(HttpStatus.FORBIDDEN).body(ErrorBody.of("forbidden", message));
    }
}
