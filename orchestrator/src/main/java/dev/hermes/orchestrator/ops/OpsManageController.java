package dev.hermes.orchestrator.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.api.ProjectsController;
import dev.hermes.orchestrator.api.RoutesController;
import dev.hermes.orchestrator.auth.RequiresRole;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.inbound.RejectedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The ops page's forms for projects and routes (operator; a project's secrets: admin). Each form is
 * turned into the management API's request and handed to its controller, so the page and the API
 * share every rule, check and log line; success redirects back to the page with a notice, a refusal
 * shows the page again with the API's one-line reason. A secret is only ever written or cleared here:
 * no response holds one.
 */
@Controller("/ops")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OpsManageController {
    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;
    private static final String HTML = MediaType.TEXT_HTML;
    private static final String JSON_TYPE = MediaType.APPLICATION_JSON;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpsGuard guard;
    private final ProjectsController projects;
    private final RoutesController routes;
    private final OpsOverview overview;
    private final Clock clock;

    public OpsManageController(OpsGuard guard, ProjectsController projects, RoutesController routes,
                               OpsOverview overview, Clock clock) {
        this.guard = guard;
        this.projects = projects;
        this.routes = routes;
        this.overview = overview;
        this.clock = clock;
    }

    @Post(value = "/projects", consumes = FORM, produces = {HTML, JSON_TYPE})
    @RequiresRole(Role.OPERATOR)
    public HttpResponse<?> create(HttpRequest<?> request, @Body("csrf") @Nullable String csrf,
                                  @Body("projectId") @Nullable String projectId, @Body("repoUrl") @Nullable String repoUrl,
                                  @Body("defaultBranch") @Nullable String defaultBranch, @Body("argv") @Nullable String argv,
                                  @Body("env") @Nullable String env, @Body("timeoutSeconds") @Nullable String timeout,
                                  @Body("outputCapBytes") @Nullable String cap, @Body("preempt") @Nullable String preempt,
                                  @Body("gitUsername") @Nullable String gitUsername) {
        ProjectForm form = new ProjectForm(projectId, repoUrl, defaultBranch, argv, env, timeout, cap, preempt, gitUsername);
        return act(request, csrf, () -> done("project-created",
                projects.create(request, form.toJson(true)).body().projectId(), "projects"));
    }

    @Post(value = "/projects/{projectId}", consumes = FORM, produces = {HTML, JSON_TYPE})
    @RequiresRole(Role.OPERATOR)
    public HttpResponse<?> update(HttpRequest<?> request, String projectId, @Body("csrf") @Nullable String csrf,
                                  @Body("repoUrl") @Nullable String repoUrl,
                                  @Body("defaultBranch") @Nullable String defaultBranch, @Body("argv") @Nullable String argv,
                                  @Body("env") @Nullable String env, @Body("timeoutSeconds") @Nullable String timeout,
                                  @Body("outputCapBytes") @Nullable String cap, @Body("preempt") @Nullable String preempt,
                                  @Body("gitUsername") @Nullable String gitUsername) {
        ProjectForm form = new ProjectForm(null, repoUrl, defaultBranch, argv, env, timeout, cap, preempt, gitUsername);
        return act(request, csrf, () -> done("project-saved",
                projects.update(request, projectId, form.toJson(false)).projectId(), "projects"));
    }

    @Post(value = "/projects/{projectId}/delete", consumes = FORM, produces = {HTML, JSON_TYPE})
    @RequiresRole(Role.OPERATOR)
    public HttpResponse<?> delete(HttpRequest<?> request, String projectId, @Body("csrf") @Nullable String csrf) {
        return act(request, csrf, () -> {
            projects.delete(request, projectId);
            return done("project-deleted", projectId, "projects");
        });
    }

    @Post(value = "/projects/{projectId}/restore", consumes = FORM, produces = {HTML, JSON_TYPE})
    @RequiresRole(Role.OPERATOR)
    public HttpResponse<?> restore(HttpRequest<?> request, String projectId, @Body("csrf") @Nullable String csrf) {
        return act(request, csrf, () -> done("project-restored",
                projects.restore(request, projectId).projectId(), "projects"));
    }

    /** Replace ({@code action=set}, with {@code value}) or clear one secret of a project. */
    @Post(value = "/projects/{projectId}/secrets", consumes = FORM, produces = {HTML, JSON_TYPE})
    @RequiresRole(Role.ADMIN)
    public HttpResponse<?> secret(HttpRequest<?> request, String projectId, @Body("csrf") @Nullable String csrf,
                                  @Body("name") @Nullable String name, @Body("value") @Nullable String value,
                                  @Body("action") @Nullable String action) {
        return act(request, csrf, () -> {
            if ("clear".equals(action)) {
                projects.deleteSecret(request, projectId, name);
                return done("secret-cleared", projectId, "projects");
            }
            if (!"set".equals(action)) {
                throw RejectedException.badRequest("invalid_action", "action must be set or clear");
            }
            projects.putSecret(request, projectId, name, JSON.createObjectNode().put("value", value).toString());
            return done("secret-set", projectId, "projects");
        });
    }

    @Post(value = "/routes", consumes = FORM, produces = {HTML, JSON_TYPE})
    @RequiresRole(Role.OPERATOR)
    public HttpResponse<?> putRoute(HttpRequest<?> request, @Body("csrf") @Nullable String csrf,
                                    @Body("key") @Nullable String key, @Body("userId") @Nullable String userId,
                                    @Body("projects") @Nullable String projectList) {
        return act(request, csrf, () -> {
            var body = JSON.createObjectNode().put("key", key).put("userId", userId == null ? null : userId.strip());
            var list = body.putArray("projects");
            if (projectList != null) {
                Arrays.stream(projectList.split("[,\\s]+")).filter(p -> !p.isBlank()).forEach(list::add);
            }
            return done("route-saved", routes.put(request, body.toString()).body().key(), "routes");
        });
    }

    @Post(value = "/routes/delete", consumes = FORM, produces = {HTML, JSON_TYPE})
    @RequiresRole(Role.OPERATOR)
    public HttpResponse<?> deleteRoute(HttpRequest<?> request, @Body("csrf") @Nullable String csrf,
                                       @Body("key") @Nullable String key) {
        return act(request, csrf, () -> {
            routes.delete(request, key);
            return done("route-deleted", key, "routes");
        });
    }

    /** The CSRF check, then the action; a refusal of the API shows the page again with its reason. */
    private HttpResponse<?> act(HttpRequest<?> request, String csrf, Supplier<HttpResponse<?>> action) {
        OpsGuard.Viewer viewer = guard.requireForm(request, csrf);
        try {
            return action.get();
        } catch (RejectedException e) {
            HttpStatus status = HttpStatus.valueOf(e.status());
            String page = OpsPage.render(overview.read(null, null, null), viewer, null,
                    OpsNotice.error(e.getMessage()), clock.millis());
            return OpsResponses.html(status, page);
        }
    }

    private static HttpResponse<?> done(String what, String id, String section) {
        return OpsResponses.seeOther("/ops?done=" + what + "&id=" + Html.url(id) + "#" + section);
    }
}
