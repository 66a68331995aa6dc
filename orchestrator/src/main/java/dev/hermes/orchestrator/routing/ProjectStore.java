package dev.hermes.orchestrator.routing;

import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.secret.Secret;
import java.util.Optional;

/**
 * Managing projects: create, read, update, soft-delete and restore, and their secrets, each
 * sealed with the project's key. Every change is a conditional write on the state it expects (absent
 * to create, live to change, deleted to restore) and bumps the version; none reveals a secret.
 */
public interface ProjectStore {
    /** The project, deleted or not. */
    Optional<ProjectRecord> find(ProjectId id);

    /** Projects in the store's key order; deleted ones only when asked. */
    ProjectPage list(String cursor, int limit, boolean includeDeleted);

    /** @throws ProjectConflictException when the id is taken (by a live or a deleted project) */
    ProjectRecord create(ProjectConfig config);

    /**
     * Replaces the settings and sets the secrets the config names (others are kept).
     *
     * @throws ProjectNotFoundException when there is no live project of that id
     */
    ProjectRecord update(ProjectConfig config);

    /** Hides the project and stops its routing; its settings and secrets are kept. */
    ProjectRecord delete(ProjectId id);

    /** @throws ProjectConflictException when the project is not deleted */
    ProjectRecord restore(ProjectId id);

    ProjectRecord putSecret(ProjectId id, String name, Secret value);

    /** @throws dev.hermes.orchestrator.inbound.RejectedException 404 when the project has no such secret */
    ProjectRecord deleteSecret(ProjectId id, String name);
}
