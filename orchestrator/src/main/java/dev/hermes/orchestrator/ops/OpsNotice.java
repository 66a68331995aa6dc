package dev.hermes.orchestrator.ops;

import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.orchestrator.routing.RouteKeys;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.InvalidIdException;
import dev.hermes.protocol.id.ProjectId;
import io.micronaut.core.annotation.Nullable;

/**
 * The line at the top of the page after an action: what was done, from the redirect's query
 * ({@code ?done=…&id=…}), built from a fixed set of words and an id validated again here, never from
 * free text of the query; or an error, whose message is the API's (it never repeats a value).
 */
record OpsNotice(String text, boolean error) {
    static OpsNotice error(String message) {
        return new OpsNotice(message, true);
    }

    static @Nullable OpsNotice done(@Nullable String done, @Nullable String id, @Nullable Integer moved) {
        if (done == null || id == null) {
            return null;
        }
        try {
            return switch (done) {
                case "redrive" -> moved == null || moved < 0 ? null : new OpsNotice("Redrive of " + ContainerKey.parse(id)
                        + ": " + moved + (moved == 1 ? " command" : " commands") + " put back on its -in.fifo.", false);
                case "project-created" -> ok("Project " + new ProjectId(id) + " created.");
                case "project-saved" -> ok("Project " + new ProjectId(id) + " saved.");
                case "project-deleted" -> ok("Project " + new ProjectId(id) + " deleted (its settings and secrets are kept; restore it below).");
                case "project-restored" -> ok("Project " + new ProjectId(id) + " restored.");
                case "secret-set" -> ok("A secret of project " + new ProjectId(id) + " was replaced.");
                case "secret-cleared" -> ok("A secret of project " + new ProjectId(id) + " was cleared.");
                case "route-saved" -> ok("Route " + RouteKeys.normalise(id) + " saved.");
                case "route-deleted" -> ok("Route " + RouteKeys.normalise(id) + " removed.");
                default -> null;
            };
        } catch (InvalidIdException | RejectedException e) {
            return null;
        }
    }

    private static OpsNotice ok(String text) {
        return new OpsNotice(text, false);
    }
}
