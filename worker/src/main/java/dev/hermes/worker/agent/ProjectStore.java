package dev.hermes.worker.agent;

import dev.hermes.protocol.id.ProjectId;

/** Where a project's repository and agent settings are kept. Read once per command, so changes apply at once. */
public interface ProjectStore {
    /** @throws ProjectNotConfiguredException when the project has no usable settings */
    ProjectSettings find(ProjectId projectId);
}
