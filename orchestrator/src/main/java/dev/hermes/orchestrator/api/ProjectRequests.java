package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.routing.Project;
import dev.hermes.orchestrator.routing.ProjectConfig;
import dev.hermes.protocol.id.InvalidIdException;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.secret.Secret;
import dev.hermes.protocol.state.PreemptPolicy;
import dev.hermes.protocol.table.ProjectSecrets;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a project's config view from a request body, field by field: each problem is a 400 naming
 * its JSON path, and no message repeats a value.
 */
final class ProjectRequests {
    static final long MAX_TIMEOUT_SECONDS = 86_400;
    static final long MAX_OUTPUT_CAP = 1L << 30;
    static final int MAX_SECRET_CHARS = 16_384;
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern GIT_USER = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");
    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\\s]+");
    private static final Set<String> TOP = Set.of("projectId", "repoUrl", "defaultBranch", "agent", "git", "secrets");
    private static final Set<String> AGENT = Set.of("argv", "env", "timeoutSeconds", "outputCapBytes", "preempt");

    private ProjectRequests() {
    }

    /** @param pathId the id in the URL (PUT), or null (POST: the body names it) */
    static ProjectConfig parse(String body, ProjectId pathId) {
        JsonFields root = JsonFields.parse(body).only(TOP);
        ProjectId id = id(root, pathId);
        String repoUrl = repoUrl(root);
        String branch = root.optionalText("defaultBranch") == null ? "main" : root.optionalText("defaultBranch");
        if (!BRANCH.matcher(branch).matches() || branch.contains("..")) {
            throw new InvalidFieldException("defaultBranch", "must be a plain branch name");
        }
        JsonFields agent = root.object("agent");
        if (agent == null) {
            throw new InvalidFieldException("agent", "is required: {\"argv\": [program, args…]}");
        }
        agent.only(AGENT);
        List<String> argv = agent.texts("argv");
        if (argv == null || argv.isEmpty() || argv.get(0).isBlank()) {
            throw new InvalidFieldException("agent.argv", "must list the program and its arguments");
        }
        Map<String, String> env = agent.textMap("env");
        env = env == null ? Map.of() : env;
        for (String name : env.keySet()) {
            if (!ENV_NAME.matcher(name).matches() || name.startsWith("HERMES_")) {
                throw new InvalidFieldException("agent.env." + name, "must be a variable name ([A-Za-z_][A-Za-z0-9_]*, not HERMES_…)");
            }
        }
        int timeout = (int) agent.number("timeoutSeconds", 1800, 1, MAX_TIMEOUT_SECONDS);
        long cap = agent.number("outputCapBytes", Project.DEFAULT_OUTPUT_CAP_BYTES, 0, MAX_OUTPUT_CAP);
        PreemptPolicy preempt;
        try {
            preempt = PreemptPolicy.parse(agent.optionalText("preempt"));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("agent.preempt", "must be resume or interrupt");
        }
        String gitUsername = gitUsername(root);
        Map<String, Secret> secrets = secrets(root, repoUrl, env);
        return new ProjectConfig(new Project(id, repoUrl, branch, argv, env, timeout, cap, preempt), gitUsername, secrets);
    }

    /** A project secret's name, from the URL. */
    static String secretName(String name) {
        if (!ProjectSecrets.isValidName(name)) {
            throw new InvalidFieldException("name", "must be git.token or env.{VARIABLE}");
        }
        return name;
    }

    /** {@code {"value": "…"}} of a secret PUT. */
    static Secret secretValue(String body) {
        JsonFields root = JsonFields.parse(body).only(Set.of("value"));
        return secret("value", root.text("value"));
    }

    private static ProjectId id(JsonFields root, ProjectId pathId) {
        String given = root.optionalText("projectId");
        if (pathId != null) {
            if (given != null && !given.equals(pathId.value())) {
                throw new InvalidFieldException("projectId", "must match the project in the URL");
            }
            return pathId;
        }
        try {
            return new ProjectId(root.text("projectId"));
        } catch (InvalidIdException e) {
            throw new InvalidFieldException("projectId", "must be lower case [a-z0-9-], 1 to 32 characters");
        }
    }

    private static String repoUrl(JsonFields root) {
        String url = root.text("repoUrl");
        if (url.isBlank() || url.startsWith("-") || !url.chars().allMatch(c -> c > 0x20 && c != 0x7f) || url.length() > 2048) {
            throw new InvalidFieldException("repoUrl", "must be a URL or an absolute path, without spaces, not starting with '-'");
        }
        if (url.startsWith("/") || SCP_LIKE.matcher(url).matches()) {
            return url;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("repoUrl", "is not a URL");
        }
        if (!Set.of("https", "http", "ssh", "git", "file").contains(String.valueOf(uri.getScheme()))) {
            throw new InvalidFieldException("repoUrl", "must be https://, http://, ssh://, git://, file:// or an absolute path");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && (!"ssh".equals(uri.getScheme()) || userInfo.contains(":"))) {
            throw new InvalidFieldException("repoUrl", "must not hold credentials: set the secret git.token instead");
        }
        return url;
    }

    private static String gitUsername(JsonFields root) {
        JsonFields git = root.object("git");
        if (git == null) {
            return null;
        }
        git.only(Set.of("username"));
        String username = git.optionalText("username");
        if (username != null && !GIT_USER.matcher(username).matches()) {
            throw new InvalidFieldException("git.username", "must be 1 to 128 of [A-Za-z0-9._@+-]");
        }
        return username;
    }

    private static Map<String, Secret> secrets(JsonFields root, String repoUrl, Map<String, String> env) {
        Map<String, String> given = root.textMap("secrets");
        Map<String, Secret> out = new LinkedHashMap<>();
        if (given == null) {
            return out;
        }
        for (Map.Entry<String, String> e : given.entrySet()) {
            String field = "secrets." + e.getKey();
            if (!ProjectSecrets.isValidName(e.getKey())) {
                throw new InvalidFieldException(field, "unknown secret: the names are git.token and env.{VARIABLE}");
            }
            String variable = ProjectSecrets.variable(e.getKey());
            if (variable != null && (env.containsKey(variable) || variable.startsWith("HERMES_"))) {
                throw new InvalidFieldException(field, "names a variable that agent.env sets too, or a HERMES_ one");
            }
            if (ProjectSecrets.GIT_TOKEN.equals(e.getKey()) && !tokenMayGoTo(repoUrl)) {
                throw new InvalidFieldException(field, "is sent only to an https:// remote (or http:// on this machine)");
            }
            out.put(e.getKey(), secret(field, e.getValue()));
        }
        return out;
    }

    /** A token travels only encrypted, or to a remote on this machine. */
    static boolean tokenMayGoTo(String repoUrl) {
        if (repoUrl.startsWith("https://")) {
            return true;
        }
        if (!repoUrl.startsWith("http://")) {
            return false;
        }
        String host = URI.create(repoUrl).getHost();
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }

    private static Secret secret(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_SECRET_CHARS
                || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidFieldException(field, "must be 1 to " + MAX_SECRET_CHARS + " printable characters");
        }
        return Secret.of(value);
    }
}
