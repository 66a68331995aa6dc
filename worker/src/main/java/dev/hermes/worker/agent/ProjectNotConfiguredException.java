package dev.hermes.worker.agent;

import dev.hermes.protocol.id.ProjectId;

/** The project's settings are missing or unusable. Retrying helps only after an operator fixes them. */
public class ProjectNotConfiguredException extends RuntimeException {
    public ProjectNotConfiguredException(ProjectId projectId, String reason) {
        super("project " + projectId + " is not configured: " + reason);
    }
}
