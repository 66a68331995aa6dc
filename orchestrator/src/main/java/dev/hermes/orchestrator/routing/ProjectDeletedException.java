package dev.hermes.orchestrator.routing;

import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.protocol.id.ProjectId;

/** A soft-deleted project: nothing is routed to it until it is restored (403 {@code project_deleted}). */
public class ProjectDeletedException extends RejectedException {
    public ProjectDeletedException(ProjectId id) {
        super(403, "project_deleted", "project " + id + " is deleted; an operator can restore it");
    }
}
