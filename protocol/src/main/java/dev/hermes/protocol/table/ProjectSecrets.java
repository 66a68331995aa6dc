package dev.hermes.protocol.table;

import java.util.regex.Pattern;

/**
 * The names of a project's secrets: {@value #GIT_TOKEN} (the token the worker sends to an https
 * remote) and {@code env.{NAME}} (a variable the agent gets, e.g. {@code env.ANTHROPIC_API_KEY}).
 */
public final class ProjectSecrets {
    public static final String GIT_TOKEN = "git.token";
    public static final String ENV_PREFIX = "env.";
    /** What the worker sends as user name with the token when the project names none. */
    public static final String DEFAULT_GIT_USERNAME = "x-access-token";
    private static final Pattern ENV = Pattern.compile("env\\.[A-Za-z_][A-Za-z0-9_]{0,127}");

    private ProjectSecrets() {
    }

    public static boolean isValidName(String name) {
        return GIT_TOKEN.equals(name) || (name != null && ENV.matcher(name).matches());
    }

    /** The agent variable of an {@code env.} secret, else null. */
    public static String variable(String name) {
        return name != null && ENV.matcher(name).matches() ? name.substring(ENV_PREFIX.length()) : null;
    }
}
