package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.orchestrator.routing.Person;
import dev.hermes.orchestrator.routing.Route;
import dev.hermes.orchestrator.routing.RouteKeys;
import dev.hermes.orchestrator.routing.RoutePage;
import dev.hermes.orchestrator.routing.RouteStore;
import dev.hermes.protocol.id.InvalidIdException;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.id.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code /api/routes}: who may write to Hermes. {@code POST} creates or replaces a sender route,
 * {@code GET} lists them (cursor pagination) or reads one, {@code DELETE} removes one.
 */
@Controller("/api/routes")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoutesController {
    static final int MAX_LIMIT = 100;
    private final RouteStore routes;

    public RoutesController(RouteStore routes) {
        this.routes = routes;
    }

    @Serdeable
    public record RouteBody(@Nullable String key, @Nullable String userId, @Nullable List<String> projects) {
    }

    @Serdeable
    public record RouteList(List<RouteBody> routes, @Nullable String nextCursor) {
    }

    @Post
    public HttpResponse<RouteBody> put(@Body RouteBody body) {
        String key = RouteKeys.normalise(body.key());
        Person person = person(body);
        for (ProjectId project : person.projects()) {
            if (routes.findProject(project).isEmpty()) {
                throw RejectedException.unprocessable("unknown_project", "project " + project + " is not configured");
            }
        }
        routes.putRoute(key, person);
        return HttpResponse.status(HttpStatus.CREATED).body(view(new Route(key, person)));
    }

    @Get
    public RouteList list(@QueryValue @Nullable String cursor, @QueryValue @Nullable Integer limit) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw RejectedException.badRequest("invalid_limit", "limit must be 1.." + MAX_LIMIT);
        }
        RoutePage page = routes.listRoutes(cursor, size);
        return new RouteList(page.routes().stream().map(RoutesController::view).toList(), page.nextCursor());
    }

    @Get("/{key}")
    public RouteBody get(String key) {
        String normalised = RouteKeys.normalise(key);
        return routes.findPerson(normalised).map(p -> view(new Route(normalised, p)))
                .orElseThrow(() -> new RejectedException(404, "not_found", "no route " + normalised));
    }

    @Delete("/{key}")
    public HttpResponse<Void> delete(String key) {
        if (!routes.deleteRoute(RouteKeys.normalise(key))) {
            throw new RejectedException(404, "not_found", "no route " + key);
        }
        return HttpResponse.noContent();
    }

    private static Person person(RouteBody body) {
        if (body.userId() == null) {
            throw RejectedException.badRequest("invalid_user", "userId is required");
        }
        if (body.projects() == null || body.projects().isEmpty()) {
            throw RejectedException.badRequest("invalid_projects", "projects must list at least one project id");
        }
        try {
            return new Person(new UserId(body.userId()), body.projects().stream().map(ProjectId::new).distinct().toList());
        } catch (InvalidIdException e) {
            throw RejectedException.badRequest("invalid_id", e.getMessage());
        }
    }

    private static RouteBody view(Route route) {
        return new RouteBody(route.key(), route.person().userId().value(),
                route.person().projects().stream().map(ProjectId::value).toList());
    }
}
