package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.auth.RequiresRole;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.container.ContainerPage;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.container.DlqRedrive;
import dev.hermes.orchestrator.container.QueueDepths;
import dev.hermes.orchestrator.container.QueuesMissingException;
import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.protocol.id.ContainerKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code GET /api/containers} (viewer; cursor pagination like {@code /api/routes}) and
 * {@code POST /api/dlq/{containerKey}/redrive} (operator). Container keys in paths are URL-encoded
 * ({@code sample%23alice}).
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ContainersController {
    private final ContainerStore containers;
    private final QueueDepths depths;
    private final DlqRedrive redrive;

    public ContainersController(ContainerStore containers, QueueDepths depths, DlqRedrive redrive) {
        this.containers = containers;
        this.depths = depths;
        this.redrive = redrive;
    }

    @Serdeable
    public record ContainerList(List<ContainerView> containers, @Nullable String nextCursor) {
    }

    @Get("/containers")
    @RequiresRole(Role.VIEWER)
    public ContainerList list(@QueryValue @Nullable String cursor, @QueryValue @Nullable Integer limit) {
        ContainerPage page = containers.page(cursor, PageLimit.of(limit));
        return new ContainerList(page.containers().stream().map(c -> ContainerView.of(c, depths::of)).toList(),
                page.nextCursor());
    }

    @Post("/dlq/{containerKey}/redrive")
    @RequiresRole(Role.OPERATOR)
    public DlqRedrive.Result redrive(String containerKey) {
        ContainerKey key = ContainerKey.parse(containerKey);
        try {
            return redrive.redrive(key);
        } catch (QueuesMissingException e) {
            throw new RejectedException(404, "not_found", "container " + key + " has no queues");
        }
    }
}
