package dev.hermes.orchestrator.routing;

import java.util.Map;
import java.util.Objects;

/**
 * A project as stored, without a single secret value: its settings, the git user name, which secrets
 * are set and when each last changed (epoch ms), its lifecycle times ({@code deletedAt} 0 while live)
 * and the version every change bumps.
 */
public record ProjectRecord(Project settings, String gitUsername, Map<String, Long> secrets, long createdAt,
                            long updatedAt, long deletedAt, long version) {
    public ProjectRecord {
        Objects.requireNonNull(settings, "settings");
        secrets = Map.copyOf(secrets);
    }

    public boolean deleted() {
        return deletedAt > 0;
    }
}
