package dev.hermes.orchestrator.routing;

import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.state.PreemptPolicy;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project's settings: where its repository is, and the agent profile that works on it (argv,
 * environment, timeout, output cap in bytes, and what a preempted command does).
 */
public record Project(ProjectId id, String repoUrl, String defaultBranch, List<String> agentArgv,
                      Map<String, String> agentEnv, int agentTimeoutSeconds, long agentOutputCapBytes,
                      PreemptPolicy preemptPolicy) {
    public static final long DEFAULT_OUTPUT_CAP_BYTES = 1024 * 1024;

    public Project(ProjectId id, String repoUrl, String defaultBranch, List<String> agentArgv,
                   Map<String, String> agentEnv, int agentTimeoutSeconds) {
        this(id, repoUrl, defaultBranch, agentArgv, agentEnv, agentTimeoutSeconds, DEFAULT_OUTPUT_CAP_BYTES,
                PreemptPolicy.RESUME);
    }

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
        if (agentOutputCapBytes < 0) {
            throw new IllegalArgumentException("project " + id + " needs a non-negative output cap");
        }
        preemptPolicy = preemptPolicy == null ? PreemptPolicy.RESUME : preemptPolicy;
    }
}
