package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.auth.Principal;
import dev.hermes.orchestrator.auth.RequiresRole;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.orchestrator.routing.Person;
import dev.hermes.orchestrator.routing.ProjectDeletedException;
import dev.hermes.orchestrator.routing.Route;
import dev.hermes.orchestrator.routing.RouteKeys;
import dev.hermes.orchestrator.routing.RoutePage;
import dev.hermes.orchestrator.routing.RouteStore;
import dev.hermes.protocol.id.InvalidIdException;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.id.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/routes}: who may write to Hermes. {@code POST} creates or replaces a sender route
 * (operator), {@code GET} lists them (cursor pagination) or reads one (viewer), {@code DELETE}
 * removes one (operator). Every project a route names must exist and be live.
 */
@Controller("/api/routes")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoutesController {
    private static final Logger LOG = LoggerFactory.getLogger(RoutesController.class);
    private final RouteStore routes;

    public RoutesController(RouteStore routes) {
        this.routes = routes;
    }

    @Serdeable
    public record RouteBody(String key, String userId, List<String> projects) {
    }

    @Serdeable
    public record RouteList(List<RouteBody> routes, @Nullable String nextCursor) {
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.OPERATOR)
    public HttpResponse<RouteBody> put(HttpRequest<?> request, @Body String body) {
        JsonFields fields = JsonFields.parse(body).only(Set.of("key", "userId", "projects"));
        String key = key(fields.text("key"));
        Person person = person(fields);
        for (int i = 0; i < person.projects().size(); i++) {
            ProjectId project = person.projects().get(i);
            try {
                if (routes.findProject(project).isEmpty()) {
                    throw new InvalidFieldException(422, "unknown_project", "projects[" + i + "]",
                            "project " + project + " is not configured");
                }
            } catch (ProjectDeletedException e) {
                throw new InvalidFieldException(422, "project_deleted", "projects[" + i + "]", "project " + project + " is deleted");
            }
        }
        routes.putRoute(key, person);
        LOG.info("route {} -> {} set by {}", key, person.userId(), Principal.of(request).tokenId());
        return HttpResponse.status(HttpStatus.CREATED).body(view(new Route(key, person)));
    }

    @Get
    @RequiresRole(Role.VIEWER)
    public RouteList list(@QueryValue @Nullable String cursor, @QueryValue @Nullable Integer limit) {
        RoutePage page = routes.listRoutes(cursor, PageLimit.of(limit));
        return new RouteList(page.routes().stream().map(RoutesController::view).toList(), page.nextCursor());
    }

    @Get("/{key}")
    @RequiresRole(Role.VIEWER)
    public RouteBody get(String key) {
        String normalised = key(key);
        return routes.findPerson(normalised).map(p -> view(new Route(normalised, p)))
                .orElseThrow(() -> new RejectedException(404, "not_found", "no route " + normalised));
    }

    @Delete("/{key}")
    @RequiresRole(Role.OPERATOR)
    public HttpResponse<Void> delete(HttpRequest<?> request, String key) {
        String normalised = key(key);
        if (!routes.deleteRoute(normalised)) {
            throw new RejectedException(404, "not_found", "no route " + normalised);
        }
        LOG.info("route {} removed by {}", normalised, Principal.of(request).tokenId());
        return HttpResponse.noContent();
    }

    private static String key(String key) {
        try {
            return RouteKeys.normalise(key);
        } catch (RejectedException e) {
            throw new InvalidFieldException(400, e.code(), "key", e.getMessage());
        }
    }

    private static Person person(JsonFields fields) {
        UserId user;
        try {
            user = new UserId(fields.text("userId"));
        } catch (InvalidIdException e) {
            throw new InvalidFieldException("userId", "must be lower case [a-z0-9-], 1 to 32 characters");
        }
        List<String> given = fields.texts("projects");
        if (given == null || given.isEmpty()) {
            throw new InvalidFieldException("projects", "must list at least one project id (the first is the default)");
        }
        List<ProjectId> projects = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            try {
                ProjectId id = new ProjectId(given.get(i));
                if (!projects.contains(id)) {
                    projects.add(id);
                }
            } catch (InvalidIdException e) {
                throw new InvalidFieldException("projects[" + i + "]", "must be a project id (lower case [a-z0-9-])");
            }
        }
        return new Person(user, projects);
    }

    private static RouteBody view(Route route) {
        return new RouteBody(route.key(), route.person().userId().value(),
                route.person().projects().stream().map(ProjectId::value).toList());
    }
}
