package dev.hermes.protocol.table;

/**
 * Attribute names of the {@code routes} table. Keys are {@code email:{address}}, {@code sms:{e164}},
 * {@code slack:{team}:{user}}, {@code chat:{user}} (a person) and {@code project:{projectId}} (a project's settings).
 */
public final class RoutesTable {
    public static final String KEY = "key";
    public static final String USER_ID = "userId";
    public static final String PROJECTS = "projects";
    public static final String DEFAULT_PROJECT = "defaultProject";
    public static final String REPO_URL = "repoUrl";
    public static final String DEFAULT_BRANCH = "defaultBranch";
    /** The agent command as an argument vector (list of strings); never a shell string. */
    public static final String AGENT_ARGV = "agentArgv";
    /** Extra environment for the agent (map of strings). */
    public static final String AGENT_ENV = "agentEnv";
    public static final String AGENT_TIMEOUT_SECONDS = "agentTimeoutSeconds";
    /** Bytes of agent output kept in the command's log; the rest is counted and dropped (number). */
    public static final String AGENT_OUTPUT_CAP_BYTES = "agentOutputCapBytes";
    /** What a preempted command does: {@code resume} (default) or {@code interrupt}; see PreemptPolicy. */
    public static final String PREEMPT_POLICY = "preemptPolicy";
    /** The user name sent with the project's git token ({@code x-access-token} when absent). */
    public static final String GIT_USERNAME = "gitUsername";
    /**
     * The record's secrets: a map of secret name to {@code {value: sealed, updatedAt: epoch ms}}, each
     * value sealed with the record's key and the secret's name as associated data (see SecretCipher).
     */
    public static final String SECRETS = "secrets";
    public static final String SECRET_VALUE = "value";
    public static final String SECRET_UPDATED_AT = "updatedAt";
    /** Project lifecycle (epoch ms); {@code deletedAt} is present only while the project is soft-deleted. */
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String DELETED_AT = "deletedAt";
    /** Bumped by every change of a project item; updates condition on it. */
    public static final String VERSION = "version";
    /** The item holding Hermes's own secrets (reply providers), not any project's. */
    public static final String GLOBAL_SECRETS_KEY = "global:secrets";

    public static String emailKey(String address) {
        return "email:" + address.toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code phone} in E.164 ({@code +15550100001}). */
    public static String smsKey(String phone) {
        return "sms:" + phone;
    }

    /** Slack ids are case-sensitive upper-case ({@code T0123}, {@code U0456}); kept as given. */
    public static String slackKey(String team, String user) {
        return "slack:" + team + ":" + user;
    }

    /** A user of the generic chat webhook, as the chat system names them. */
    public static String chatKey(String user) {
        return "chat:" + user;
    }

    /** Prefix of the keys that are not sender routes (projects, Hermes's own settings). */
    public static final java.util.List<String> NON_ROUTE_PREFIXES = java.util.List.of("project:", "global:");

    public static String projectKey(String projectId) {
        return "project:" + projectId;
    }

    private RoutesTable() {
    }
}
