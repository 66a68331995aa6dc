package dev.hermes.orchestrator.routing;

import dev.hermes.protocol.id.ProjectId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A project's settings: where its repository is, and the agent command that works on it. */
public record Project(ProjectId id, String repoUrl, String defaultBranch, List<String> agentArgv,
                      Map<String, String> agentEnv, int agentTimeoutSeconds) {
    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
        agentArgv = List.copyOf(agentArgv);
        agentEnv = Map.copyOf(agentEnv);
        if (agentArgv.isEmpty()) {
            throw new IllegalArgumentException("project " + id + " needs an agent command (argv)");
        }
        if (agentTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("project " + id + " needs a positive agent timeout");
        }
    }
}
