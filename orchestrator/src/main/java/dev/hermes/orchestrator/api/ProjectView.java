package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.routing.Project;
import dev.hermes.orchestrator.routing.ProjectRecord;
import dev.hermes.orchestrator.secret.SecretState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safe view of a project, what the API returns: every setting, and for each secret only
 * {@code {"set": true, "updatedAt": …}}. Built from a {@link ProjectRecord}, which holds no secret value.
 */
@Serdeable
public record ProjectView(String projectId, String repoUrl, String defaultBranch, Agent agent, Git git,
                          Map<String, SecretState> secrets, Instant createdAt, Instant updatedAt,
                          @Nullable Instant deletedAt, boolean deleted, long version) {
    @Serdeable
    public record Agent(List<String> argv, Map<String, String> env, int timeoutSeconds, long outputCapBytes,
                        String preempt) {
    }

    @Serdeable
    public record Git(@Nullable String username) {
    }

    public static ProjectView of(ProjectRecord record) {
        Project p = record.settings();
        Map<String, SecretState> secrets = new LinkedHashMap<>();
        record.secrets().forEach((name, at) -> secrets.put(name, SecretState.at(at)));
        return new ProjectView(p.id().value(), p.repoUrl(), p.defaultBranch(),
                new Agent(p.agentArgv(), p.agentEnv(), p.agentTimeoutSeconds(), p.agentOutputCapBytes(),
                        p.preemptPolicy().wireName()),
                new Git(record.gitUsername()), secrets, Instant.ofEpochMilli(record.createdAt()),
                Instant.ofEpochMilli(record.updatedAt()), record.deleted() ? Instant.ofEpochMilli(record.deletedAt()) : null,
                record.deleted(), record.version());
    }
}
