package dev.hermes.orchestrator.routing;

import java.util.Objects;

/** A sender key and the person it routes to. */
public record Route(String key, Person person) {
    public Route {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(person, "person");
    }
}
