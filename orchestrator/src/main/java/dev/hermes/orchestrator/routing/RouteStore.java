package dev.hermes.orchestrator.routing;

import dev.hermes.protocol.id.ProjectId;
import java.util.Optional;

/** Who may talk to Hermes, and the projects they reach (the {@code routes} table). */
public interface RouteStore {
    Optional<Person> findByEmail(String address);

    Optional<Project> findProject(ProjectId id);

    void putEmailRoute(String address, Person person);

    void putProject(Project project);
}
