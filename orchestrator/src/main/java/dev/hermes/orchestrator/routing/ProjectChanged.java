package dev.hermes.orchestrator.routing;

import dev.hermes.protocol.id.ProjectId;

/** Published after a project was written, so caches of this instance read it again. */
public record ProjectChanged(ProjectId projectId) {
}
