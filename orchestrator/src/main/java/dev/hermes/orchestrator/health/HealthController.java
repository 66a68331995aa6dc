package dev.hermes.orchestrator.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * {@code GET /health}: the process serves HTTP (no backend touched, for liveness probes).
 * {@code GET /health/readiness}: SQS and DynamoDB answer a real request; 503 with the failing
 * component otherwise (what the load balancer's health check uses).
 */
@Controller("/health")
public class HealthController {
    private final Readiness readiness;

    public HealthController(Readiness readiness) {
        this.readiness = readiness;
    }

    @Get
    public Map<String, String> live() {
        return Map.of("status", "UP");
    }

    @Get("/readiness")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Readiness.Report> ready() {
        Readiness.Report report = readiness.report();
        return HttpResponse.status(report.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(report);
    }
}
