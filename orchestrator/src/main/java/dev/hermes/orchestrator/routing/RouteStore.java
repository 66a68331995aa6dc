package dev.hermes.orchestrator.routing;

import dev.hermes.protocol.id.ProjectId;
import java.util.Optional;

/** Who may talk to Hermes, and the projects they reach (the {@code routes} table). */
public interface RouteStore {
    /** The person behind a sender's route key ({@code email:…}, {@code sms:…}, {@code slack:…}, {@code chat:…}). */
    Optional<Person> findPerson(String routeKey);

    Optional<Project> findProject(ProjectId id);

    void putRoute(String routeKey, Person person);

    /** Sender routes (not projects) in key order of the store, {@code limit} at a time. */
    RoutePage listRoutes(String cursor, int limit);

    /** Deletes a sender route; answers whether it existed. */
    boolean deleteRoute(String routeKey);

    void putProject(Project project);
}
