package dev.hermes.worker.agent;

import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.secret.Secret;
import dev.hermes.protocol.state.PreemptPolicy;
import dev.hermes.worker.session.GitCredential;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A project's {@code project:{projectId}} item in {@code routes}: where its repository is and which
 * agent runs its commands (its profile). {@code agentArgv} is an argument vector, never a shell string;
 * null timeout, cap and policy take the defaults (30 min, 1 MiB, resume). {@code gitCredential} (null
 * without one) and {@code agentSecrets} (variable to value) are the project's secrets, opened in this
 * process: the credentials view, which cannot be serialized and prints no value.
 */
public record ProjectSettings(
        ProjectId projectId,
        String repoUrl,
        String defaultBranch,
        List<String> agentArgv,
        Map<String, String> agentEnv,
        Duration agentTimeout,
        Long agentOutputCapBytes,
        PreemptPolicy preemptPolicy,
        GitCredential gitCredential,
        Map<String, Secret> agentSecrets) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1800);
    public static final long DEFAULT_OUTPUT_CAP_BYTES = 1024 * 1024;
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ProjectSettings {
        Objects.requireNonNull(projectId, "projectId");
        if (repoUrl == null || repoUrl.isBlank() || repoUrl.startsWith("-") || !printable(repoUrl)) {
            throw invalid(projectId, "repoUrl must be a printable path or URL not starting with '-'");
        }
        if (defaultBranch == null || !BRANCH.matcher(defaultBranch).matches() || defaultBranch.contains("..")) {
            throw invalid(projectId, "defaultBranch is not a plain branch name");
        }
        if (agentArgv == null || agentArgv.isEmpty() || agentArgv.get(0).isBlank()) {
            throw invalid(projectId, "agentArgv needs at least the program");
        }
        agentArgv = List.copyOf(agentArgv);
        agentEnv = Map.copyOf(agentEnv == null ? Map.of() : agentEnv);
        for (String name : agentEnv.keySet()) {
            if (!ENV_NAME.matcher(name).matches()) {
                throw invalid(projectId, "agentEnv has an invalid variable name");
            }
        }
        agentTimeout = agentTimeout == null ? DEFAULT_TIMEOUT : agentTimeout;
        if (agentTimeout.isZero() || agentTimeout.isNegative()) {
            throw invalid(projectId, "agentTimeoutSeconds must be positive");
        }
        agentOutputCapBytes = agentOutputCapBytes == null ? DEFAULT_OUTPUT_CAP_BYTES : agentOutputCapBytes;
        if (agentOutputCapBytes < 0) {
            throw invalid(projectId, "agentOutputCapBytes must not be negative");
        }
        preemptPolicy = preemptPolicy == null ? PreemptPolicy.RESUME : preemptPolicy;
        agentSecrets = Map.copyOf(agentSecrets == null ? Map.of() : agentSecrets);
        for (String name : agentSecrets.keySet()) {
            if (!ENV_NAME.matcher(name).matches()) {
                throw invalid(projectId, "a secret names an invalid variable");
            }
        }
    }

    /** Without secrets: the settings a project with none has. */
    public ProjectSettings(ProjectId projectId, String repoUrl, String defaultBranch, List<String> agentArgv,
                           Map<String, String> agentEnv, Duration agentTimeout, Long agentOutputCapBytes,
                           PreemptPolicy preemptPolicy) {
        this(projectId, repoUrl, defaultBranch, agentArgv, agentEnv, agentTimeout, agentOutputCapBytes, preemptPolicy,
                null, Map.of());
    }

    @Override
    public String toString() {
        return "ProjectSettings[" + projectId + ", " + repoUrl + ", git credential " + (gitCredential != null)
                + ", secrets " + agentSecrets.keySet() + "]";
    }

    private static boolean printable(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c != 0x7f);
    }

    private static ProjectNotConfiguredException invalid(ProjectId projectId, String reason) {
        return new ProjectNotConfiguredException(projectId, reason);
    }
}
