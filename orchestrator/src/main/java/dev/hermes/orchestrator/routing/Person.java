package dev.hermes.orchestrator.routing;

import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.id.UserId;
import java.util.List;
import java.util.Objects;

/** A routed sender: who they are and which projects they may reach (the first is the default). */
public record Person(UserId userId, List<ProjectId> projects) {
    public Person {
        Objects.requireNonNull(userId, "userId");
        projects = List.copyOf(projects);
        if (projects.isEmpty()) {
            throw new IllegalArgumentException("a person needs at least one project");
        }
    }

    public ProjectId defaultProject() {
        return projects.get(0);
    }

    public boolean mayUse(ProjectId project) {
        return projects.contains(project);
    }
}
