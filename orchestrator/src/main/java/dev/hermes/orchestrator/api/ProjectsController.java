package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.auth.Principal;
import dev.hermes.orchestrator.auth.RequiresRole;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.routing.ProjectConfig;
import dev.hermes.orchestrator.routing.ProjectNotFoundException;
import dev.hermes.orchestrator.routing.ProjectPage;
import dev.hermes.orchestrator.routing.ProjectRecord;
import dev.hermes.orchestrator.routing.ProjectStore;
import dev.hermes.protocol.id.InvalidIdException;
import dev.hermes.protocol.id.ProjectId;
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
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/projects}: create, read, update, soft-delete and restore projects, and set or remove
 * their secrets. Operators manage projects; a body with {@code secrets}, and the secret endpoints,
 * need an admin. Responses are safe views: a secret shows as {@code {"set": true, "updatedAt": …}}.
 */
@Controller("/api/projects")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProjectsController {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectsController.class);
    private final ProjectStore projects;

    public ProjectsController(ProjectStore projects) {
        this.projects = projects;
    }

    @Serdeable
    public record ProjectList(List<ProjectView> projects, @Nullable String nextCursor) {
    }

    @Get
    @RequiresRole(Role.VIEWER)
    public ProjectList list(@QueryValue @Nullable String cursor, @QueryValue @Nullable Integer limit,
                            @QueryValue @Nullable Boolean deleted) {
        ProjectPage page = projects.list(cursor, PageLimit.of(limit), Boolean.TRUE.equals(deleted));
        return new ProjectList(page.projects().stream().map(ProjectView::of).toList(), page.nextCursor());
    }

    @Get("/{projectId}")
    @RequiresRole(Role.VIEWER)
    public ProjectView get(String projectId, @QueryValue @Nullable Boolean deleted) {
        ProjectId id = id(projectId);
        ProjectRecord record = projects.find(id).filter(p -> !p.deleted() || Boolean.TRUE.equals(deleted))
                .orElseThrow(() -> new ProjectNotFoundException(id));
        return ProjectView.of(record);
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.OPERATOR)
    public HttpResponse<ProjectView> create(HttpRequest<?> request, @Body String body) {
        ProjectConfig config = ProjectRequests.parse(body, null);
        requireAdminForSecrets(request, config);
        ProjectRecord created = projects.create(config);
        LOG.info("project {} created by {} ({} secrets)", created.settings().id(), Principal.of(request).tokenId(),
                created.secrets().size());
        return HttpResponse.status(HttpStatus.CREATED).body(ProjectView.of(created));
    }

    @Put("/{projectId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.OPERATOR)
    public ProjectView update(HttpRequest<?> request, String projectId, @Body String body) {
        ProjectConfig config = ProjectRequests.parse(body, id(projectId));
        requireAdminForSecrets(request, config);
        ProjectRecord updated = projects.update(config);
        LOG.info("project {} updated by {} (version {})", updated.settings().id(), Principal.of(request).tokenId(),
                updated.version());
        return ProjectView.of(updated);
    }

    @Delete("/{projectId}")
    @RequiresRole(Role.OPERATOR)
    public HttpResponse<Void> delete(HttpRequest<?> request, String projectId) {
        ProjectRecord deleted = projects.delete(id(projectId));
        LOG.info("project {} deleted by {}", deleted.settings().id(), Principal.of(request).tokenId());
        return HttpResponse.noContent();
    }

    @Post("/{projectId}/restore")
    @RequiresRole(Role.OPERATOR)
    public ProjectView restore(HttpRequest<?> request, String projectId) {
        ProjectRecord restored = projects.restore(id(projectId));
        LOG.info("project {} restored by {}", restored.settings().id(), Principal.of(request).tokenId());
        return ProjectView.of(restored);
    }

    @Put("/{projectId}/secrets/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    public ProjectView putSecret(HttpRequest<?> request, String projectId, String name, @Body String body) {
        ProjectId id = id(projectId);
        String secret = ProjectRequests.secretName(name);
        if (secret.equals(dev.hermes.protocol.table.ProjectSecrets.GIT_TOKEN)) {
            projects.find(id).filter(p -> !p.deleted()).ifPresent(p -> {
                if (!ProjectRequests.tokenMayGoTo(p.settings().repoUrl())) {
                    throw new InvalidFieldException("name", "git.token is sent only to an https:// remote"
                            + " (or http:// on this machine); the project's repoUrl is neither");
                }
            });
        }
        ProjectRecord updated = projects.putSecret(id, secret, ProjectRequests.secretValue(body));
        LOG.info("secret {} of project {} set by {}", secret, id, Principal.of(request).tokenId());
        return ProjectView.of(updated);
    }

    @Delete("/{projectId}/secrets/{name}")
    @RequiresRole(Role.ADMIN)
    public HttpResponse<Void> deleteSecret(HttpRequest<?> request, String projectId, String name) {
        ProjectId id = id(projectId);
        String secret = ProjectRequests.secretName(name);
        projects.deleteSecret(id, secret);
        LOG.info("secret {} of project {} removed by {}", secret, id, Principal.of(request).tokenId());
        return HttpResponse.noContent();
    }

    private static void requireAdminForSecrets(HttpRequest<?> request, ProjectConfig config) {
        if (!config.secrets().isEmpty() && !Principal.of(request).role().includes(Role.ADMIN)) {
            throw new InvalidFieldException(403, "forbidden", "secrets", "setting secrets needs the admin role");
        }
    }

    private static ProjectId id(String projectId) {
        try {
            return new ProjectId(projectId);
        } catch (InvalidIdException e) {
            throw new InvalidFieldException("projectId", "must be lower case [a-z0-9-], 1 to 32 characters");
        }
    }
}
