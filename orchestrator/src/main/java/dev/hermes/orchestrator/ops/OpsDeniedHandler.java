package dev.hermes.orchestrator.ops;

import dev.hermes.orchestrator.api.ErrorBody;
import dev.hermes.orchestrator.metrics.Rejections;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A refused ops request: with the login form on, a browser without a session is sent to it (303);
 * everything else gets the status with the one-line JSON reason ({@code WWW-Authenticate: Bearer}
 * on a 401). Counted in {@code hermes.requests.rejected} by reason.
 */
@Produces
@Singleton
@Requires(classes = {OpsDeniedException.class, ExceptionHandler.class})
public class OpsDeniedHandler implements ExceptionHandler<OpsDeniedException, HttpResponse<?>> {
    private final OpsConfig config;
    private final Rejections rejections;

    public OpsDeniedHandler(OpsConfig config, Rejections rejections) {
        this.config = config;
        this.rejections = rejections;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, OpsDeniedException e) {
        rejections.count("ops_" + e.code());
        if (e.status() == 401 && config.loginForm() && OpsResponses.wantsHtml(request)) {
            return OpsResponses.seeOther("/ops/login");
        }
        var response = OpsResponses.secure(HttpResponse.status(HttpStatus.valueOf(e.status()))
                .body(new ErrorBody(e.code(), e.getMessage())));
        return e.status() == 401 ? response.header("WWW-Authenticate", "Bearer realm=\"hermes-ops\"") : response;
    }
}
