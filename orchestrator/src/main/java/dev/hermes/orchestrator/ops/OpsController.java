package dev.hermes.orchestrator.ops;

import dev.hermes.orchestrator.auth.Authenticator;
import dev.hermes.orchestrator.auth.NoTokenRequired;
import dev.hermes.orchestrator.auth.Principal;
import dev.hermes.orchestrator.auth.RequiresRole;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.container.DlqRedrive;
import dev.hermes.orchestrator.container.QueuesMissingException;
import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.ReplyStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /ops}: the ops page; {@code /ops/login} and {@code /ops/logout} (login form mode);
 * {@code POST /ops/containers/{containerKey}/redrive}, the same redrive as the API's; and
 * {@code GET /ops/charts.json}, what the charts poll. The page and the charts need a viewer, a redrive
 * an operator (checked by the authentication filter, with a bearer token or a login session); the
 * login form needs no token. Every form carries its CSRF token ({@link OpsGuard}).
 */
@Controller("/ops")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OpsController {
    private static final Logger LOG = LoggerFactory.getLogger(OpsController.class);
    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;
    private static final String HTML = MediaType.TEXT_HTML;
    /** Refusals are JSON whatever a browser accepts. */
    private static final String JSON = MediaType.APPLICATION_JSON;
    private final OpsGuard guard;
    private final Authenticator authenticator;
    private final OpsSessions sessions;
    private final OpsBrowserSessions browserSessions;
    private final OpsOverview overview;
    private final OpsCharts charts;
    private final DlqRedrive redrive;
    private final OpsConfig config;
    private final Clock clock;

    public OpsController(OpsGuard guard, Authenticator authenticator, OpsSessions sessions,
                         OpsBrowserSessions browserSessions, OpsOverview overview, OpsCharts charts, DlqRedrive redrive,
                         OpsConfig config, Clock clock) {
        this.guard = guard;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.browserSessions = browserSessions;
        this.overview = overview;
        this.charts = charts;
        this.redrive = redrive;
        this.config = config;
        this.clock = clock;
    }

    @Get(produces = {HTML, JSON})
    @RequiresRole(Role.VIEWER)
    public HttpResponse<String> page(HttpRequest<?> request, @QueryValue @Nullable String containers,
                                     @QueryValue @Nullable String outbox, @QueryValue @Nullable String status,
                                     @QueryValue @Nullable String done, @QueryValue @Nullable String id,
                                     @QueryValue @Nullable Integer moved) {
        OpsGuard.Viewer viewer = guard.viewer(request);
        ReplyStatus filter = status == null ? null : status(status);
        OpsOverview.Overview o = overview.read(containers, outbox, filter);
        return OpsResponses.html(HttpStatus.OK, OpsPage.render(o, viewer, filter, OpsNotice.done(done, id, moved), clock.millis()));
    }

    @Get(value = "/charts.json", produces = MediaType.APPLICATION_JSON)
    @RequiresRole(Role.VIEWER)
    public HttpResponse<OpsCharts.Series> charts() {
        return OpsResponses.secure(HttpResponse.ok(charts.series()));
    }

    @Post(value = "/containers/{containerKey}/redrive", consumes = FORM, produces = {HTML, JSON})
    @RequiresRole(Role.OPERATOR)
    public HttpResponse<Object> redrive(HttpRequest<?> request, String containerKey, @Body("csrf") @Nullable String csrf) {
        guard.requireForm(request, csrf);
        ContainerKey key = ContainerKey.parse(containerKey);
        try {
            DlqRedrive.Result result = redrive.redrive(key);
            LOG.info("ops page redrive of {} by {}: {} moved", key, Principal.of(request).tokenId(), result.moved());
            return OpsResponses.seeOther("/ops?done=redrive&id=" + Html.url(key.value()) + "&moved=" + result.moved()
                    + "#containers");
        } catch (QueuesMissingException e) {
            throw new RejectedException(404, "not_found", "container " + key + " has no queues");
        }
    }

    @Get(value = "/login", produces = {HTML, JSON})
    @NoTokenRequired("the login form asks for the token")
    public HttpResponse<?> loginForm(HttpRequest<?> request) {
        requireLoginForm();
        if (browserSessions.principal(request).isPresent()) {
            return OpsResponses.seeOther("/ops");
        }
        return OpsResponses.html(HttpStatus.OK, LoginPage.render(false));
    }

    @Post(value = "/login", consumes = FORM, produces = {HTML, JSON})
    @NoTokenRequired("it trades the token for a session")
    public HttpResponse<?> login(@Body("token") @Nullable String token) {
        requireLoginForm();
        String presented = token == null ? null : token.strip();
        Optional<Principal> principal = authenticator.authenticate(presented);
        if (principal.isEmpty()) {
            LOG.warn("ops login refused: not a valid token");
            return OpsResponses.html(HttpStatus.UNAUTHORIZED, LoginPage.render(true));
        }
        OpsSessions.Session session = sessions.open(presented);
        LOG.info("ops login: new session for token {} ({})", principal.get().tokenId(), principal.get().role().wireName());
        return OpsResponses.seeOther("/ops").cookie(cookie(session.id(), sessions.ttlSeconds()));
    }

    @Post(value = "/logout", consumes = FORM, produces = {HTML, JSON})
    @RequiresRole(Role.VIEWER)
    public HttpResponse<?> logout(HttpRequest<?> request, @Body("csrf") @Nullable String csrf) {
        OpsGuard.Viewer viewer = guard.requireForm(request, csrf);
        sessions.close(viewer.sessionId());
        MutableHttpResponse<Object> out = OpsResponses.seeOther(config.loginForm() ? "/ops/login" : "/ops");
        return out.cookie(cookie("", 0));
    }

    private Cookie cookie(String value, long maxAgeSeconds) {
        return Cookie.of(OpsGuard.COOKIE, value).httpOnly(true).sameSite(SameSite.Strict).path("/ops")
                .secure(config.secureCookie()).maxAge(maxAgeSeconds);
    }

    private void requireLoginForm() {
        if (!config.loginForm()) {
            throw new RejectedException(404, "not_found", "the login form is off (hermes.ops.login-form); "
                    + "send Authorization: Bearer <token>");
        }
    }


    private static ReplyStatus status(String value) {
        try {
            return ReplyStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RejectedException.badRequest("invalid_status", "status must be one of " + List.of(ReplyStatus.values()));
        }
    }
}
