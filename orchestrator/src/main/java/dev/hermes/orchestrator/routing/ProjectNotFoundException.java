package dev.hermes.orchestrator.routing;

import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.protocol.id.ProjectId;

/** No live project has this id (it may be soft-deleted: list with {@code ?deleted=true}). */
public class ProjectNotFoundException extends RejectedException {
    public ProjectNotFoundException(ProjectId id) {
        super(404, "not_found", "no project " + id + " (a deleted one is listed with ?deleted=true)");
    }
}
