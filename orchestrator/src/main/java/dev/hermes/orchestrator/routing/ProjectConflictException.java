package dev.hermes.orchestrator.routing;

import dev.hermes.orchestrator.inbound.RejectedException;

/** The project is not in the state the request needs: 409 with what it is instead. */
public class ProjectConflictException extends RejectedException {
    public ProjectConflictException(String code, String message) {
        super(409, code, message);
    }
}
