package dev.hermes.orchestrator.routing;

import dev.hermes.protocol.secret.Secret;
import java.util.Map;
import java.util.Objects;

/**
 * The config view of a project: what an operator writes, secrets included. It only ever comes in
 * (parsed from a request or a seed file) and goes to the store, which seals each secret; it has no
 * serde annotation and its secrets are {@link Secret}s, which no mapper can write and which print as
 * {@code ***}.
 */
public record ProjectConfig(Project settings, String gitUsername, Map<String, Secret> secrets) {
    public ProjectConfig {
        Objects.requireNonNull(settings, "settings");
        secrets = Map.copyOf(secrets);
    }

    @Override
    public String toString() {
        return "ProjectConfig[" + settings.id() + ", secrets=" + secrets.keySet() + "]";
    }
}
