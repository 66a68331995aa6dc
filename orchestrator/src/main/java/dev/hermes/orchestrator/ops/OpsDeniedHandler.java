package dev.hermes.orchestrator.ops;

import dev.hermes.orchestrator.api.ErrorBody;
import dev.hermes.protocol.naming.MetricNames;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micrometer.core.instrument.MeterRegistry;
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
    private final MeterRegistry meters;

    public OpsDeniedHandler(OpsConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, OpsDeniedException e) {
        meters.counter(MetricNames.REQUESTS_REJECTED, MetricNames.TAG_REASON, "ops_" + e.code()).increment();
        if (e.status() == 401 && config.loginForm() && OpsResponses.wantsHtml(request)) {
            return OpsResponses.seeOther("/ops/login");
        }
        var response = OpsResponses.secure(HttpResponse.status(HttpStatus.valueOf(e.status()))
                .body(new ErrorBody(e.code(), e.getMessage())));
        return e.status() == 401 ? response.header("WWW-Authenticate", "Bearer realm=\"hermes-ops\"") : response;
    }
}
