package dev.hermes.worker;

import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.InvalidIdException;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.worker.secret.SecretAccess;
import dev.hermes.worker.session.GitIdentity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything the worker is told by its launcher. Built once by {@link WorkerMain} from the environment;
 * {@code sqsEndpoint} and {@code dynamoDbEndpoint} are null when the SDK's regional endpoints apply.
 * {@code agentBaseEnv} is the part of the worker's own environment an agent may see (PATH, HOME, LANG).
 */
public record WorkerConfig(
        ContainerKey containerKey,
        String region,
        URI sqsEndpoint,
        URI dynamoDbEndpoint,
        TableNames tables,
        Path workspace,
        Duration idleTimeout,
        Duration leaseDuration,
        String workerId,
        GitIdentity gitIdentity,
        Map<String, String> agentBaseEnv,
        WorkerTimings timings,
        SecretAccess secrets) {

    public static final String CONTAINER_KEY = "HERMES_CONTAINER_KEY";
    public static final String AWS_REGION = "HERMES_AWS_REGION";
    public static final String SQS_ENDPOINT = "HERMES_SQS_ENDPOINT";
    public static final String DYNAMODB_ENDPOINT = "HERMES_DYNAMODB_ENDPOINT";
    public static final String TABLE_PREFIX = "HERMES_TABLE_PREFIX";
    public static final String WORKSPACE = "HERMES_WORKSPACE";
    public static final String IDLE_TIMEOUT_SECONDS = "HERMES_IDLE_TIMEOUT_SECONDS";
    public static final String LEASE_SECONDS = "HERMES_LEASE_SECONDS";
    public static final String WORKER_ID = "HERMES_WORKER_ID";
    public static final String GIT_AUTHOR_NAME = "HERMES_GIT_AUTHOR_NAME";
    public static final String GIT_AUTHOR_EMAIL = "HERMES_GIT_AUTHOR_EMAIL";
    public static final String VISIBILITY_TIMEOUT_SECONDS = "HERMES_VISIBILITY_TIMEOUT_SECONDS";
    public static final String RETRY_BACKOFF_SECONDS = "HERMES_RETRY_BACKOFF_SECONDS";
    public static final String STOP_GRACE_MILLIS = "HERMES_STOP_GRACE_MILLIS";
    public static final String WORKTREE_RETENTION_SECONDS = "HERMES_WORKTREE_RETENTION_SECONDS";
    /** Local mode: the path of the key file the project's secrets are sealed with (never the key). */
    public static final String SECRETS_KEY_FILE = "HERMES_SECRETS_KEY_FILE";
    public static final String KMS_ENDPOINT = "HERMES_KMS_ENDPOINT";
    /** The only variables of the worker's own environment that reach an agent. */
    public static final List<String> AGENT_INHERITED = List.of("PATH", "HOME", "LANG");

    public WorkerConfig {
        Objects.requireNonNull(containerKey, "containerKey");
        requireText(region, "region");
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(workspace, "workspace");
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(leaseDuration, "leaseDuration");
        requireText(workerId, "workerId");
        Objects.requireNonNull(gitIdentity, "gitIdentity");
        Objects.requireNonNull(timings, "timings");
        secrets = secrets == null ? new SecretAccess(null, null) : secrets;
        workspace = workspace.toAbsolutePath().normalize();
        agentBaseEnv = Map.copyOf(agentBaseEnv == null ? Map.of() : agentBaseEnv);
    }

    /** Reads the {@code HERMES_*} variables (and PATH/HOME/LANG for the agent) from {@code env}. */
    public static WorkerConfig fromEnvironment(Map<String, String> env) {
        ContainerKey key;
        try {
            key = ContainerKey.parse(required(env, CONTAINER_KEY));
        } catch (InvalidIdException e) {
            throw new InvalidConfigurationException(CONTAINER_KEY + ": " + e.getMessage(), e);
        }
        TableNames tables;
        try {
            tables = new TableNames(optional(env, TABLE_PREFIX, TableNames.DEFAULT_PREFIX));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(TABLE_PREFIX + ": " + e.getMessage(), e);
        }
        Map<String, String> agentBase = new LinkedHashMap<>();
        for (String name : AGENT_INHERITED) {
            String value = env.get(name);
            if (value != null) {
                agentBase.put(name, value);
            }
        }
        return new WorkerConfig(
                key,
                optional(env, AWS_REGION, "us-east-1"),
                uri(env, SQS_ENDPOINT),
                uri(env, DYNAMODB_ENDPOINT),
                tables,
                Path.of(required(env, WORKSPACE)),
                Duration.ofSeconds(seconds(env, IDLE_TIMEOUT_SECONDS, 300)),
                Duration.ofSeconds(seconds(env, LEASE_SECONDS, 20)),
                optional(env, WORKER_ID, UUID.randomUUID().toString()),
                new GitIdentity(optional(env, GIT_AUTHOR_NAME, "Hermes"), optional(env, GIT_AUTHOR_EMAIL, "hermes@localhost")),
                agentBase,
                new WorkerTimings(
                        Duration.ofSeconds(seconds(env, VISIBILITY_TIMEOUT_SECONDS, 60)),
                        Duration.ofSeconds(number(env, RETRY_BACKOFF_SECONDS, 10)),
                        Duration.ofMillis(seconds(env, STOP_GRACE_MILLIS, 5000)),
                        Duration.ofSeconds(number(env, WORKTREE_RETENTION_SECONDS, 86_400))),
                new SecretAccess(env.get(SECRETS_KEY_FILE) == null || env.get(SECRETS_KEY_FILE).isBlank() ? null
                        : Path.of(env.get(SECRETS_KEY_FILE).strip()), uri(env, KMS_ENDPOINT)));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(name + " is required");
        }
        return value.strip();
    }

    private static String optional(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static URI uri(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("needs a scheme and a host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(name + " is not a URL: " + e.getMessage(), e);
        }
    }

    private static long seconds(Map<String, String> env, String name, long fallback) {
        String value = optional(env, name, Long.toString(fallback));
        try {
            long seconds = Long.parseLong(value);
            if (seconds <= 0) {
                throw new InvalidConfigurationException(name + " must be a positive whole number");
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(name + " must be a positive whole number", e);
        }
    }

    /** A whole number that may be zero. */
    private static long number(Map<String, String> env, String name, long fallback) {
        String value = optional(env, name, Long.toString(fallback));
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                throw new InvalidConfigurationException(name + " must not be negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(name + " must be a whole number", e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(name + " is missing");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidConfigurationException(name + " must be positive");
        }
    }
}
