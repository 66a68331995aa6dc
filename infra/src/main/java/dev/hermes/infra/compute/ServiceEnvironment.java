package dev.hermes.infra.compute;

/**
 * The environment variables the compute stack sets on the tasks, i.e. the configuration keys it
 * relies on (Micronaut maps {@code HERMES_TABLES_PREFIX} to {@code hermes.tables.prefix}). The worker
 * reads its own {@code HERMES_*} variables; {@code EcsContainerLauncher} adds the per-container ones
 * ({@code HERMES_CONTAINER_KEY}, endpoints) as container overrides at {@code RunTask}.
 */
public final class ServiceEnvironment {
    public static final String SERVER_HOST = "MICRONAUT_SERVER_HOST";
    public static final String SERVER_PORT = "MICRONAUT_SERVER_PORT";
    public static final String AWS_REGION = "AWS_REGION";
    public static final String TABLES_PREFIX = "HERMES_TABLES_PREFIX";
    public static final String QUEUES_PREFIX = "HERMES_QUEUES_PREFIX";
    public static final String QUEUES_MAX_RECEIVE_COUNT = "HERMES_QUEUES_MAX_RECEIVE_COUNT";
    public static final String EMAIL_DOMAIN = "HERMES_EMAIL_DOMAIN";
    public static final String INBOUND_SQS_ENABLED = "HERMES_INBOUND_SQS_ENABLED";
    public static final String INBOUND_SNS_TOPIC_ARNS = "HERMES_INBOUND_SNS_TOPIC_ARNS";
    public static final String TWILIO_PUBLIC_URL = "HERMES_INBOUND_TWILIO_PUBLIC_URL";
    public static final String METRICS_ENABLED = "MICRONAUT_METRICS_ENABLED";
    public static final String CLOUDWATCH_ENABLED = "MICRONAUT_METRICS_EXPORT_CLOUDWATCH_ENABLED";
    public static final String CLOUDWATCH_NAMESPACE = "MICRONAUT_METRICS_EXPORT_CLOUDWATCH_NAMESPACE";
    public static final String API_TOKEN = "HERMES_API_TOKEN";
    public static final String MIME_SECRET = "HERMES_WEBHOOKS_MIME_SECRET";
    /** The credential store: KMS, and the key new values are sealed under ({@code hermes.secrets.*}). */
    public static final String SECRETS_PROVIDER = "HERMES_SECRETS_PROVIDER";
    public static final String SECRETS_KMS_KEY_ID = "HERMES_SECRETS_KMS_KEY_ID";
    /** Email replies through SES (SMTP otherwise). */
    public static final String REPLY_SES_ENABLED = "HERMES_REPLY_SES_ENABLED";

    /** {@code hermes.launcher.kind=ecs} and {@code hermes.launcher.ecs.*}: what {@code RunTask} needs. */
    public static final String LAUNCHER_KIND = "HERMES_LAUNCHER_KIND";
    public static final String LAUNCHER_CLUSTER = "HERMES_LAUNCHER_ECS_CLUSTER";
    public static final String LAUNCHER_TASK_DEFINITION = "HERMES_LAUNCHER_ECS_TASK_DEFINITION";
    public static final String LAUNCHER_CONTAINER_NAME = "HERMES_LAUNCHER_ECS_CONTAINER_NAME";
    public static final String LAUNCHER_SUBNETS = "HERMES_LAUNCHER_ECS_SUBNETS";
    public static final String LAUNCHER_SECURITY_GROUPS = "HERMES_LAUNCHER_ECS_SECURITY_GROUPS";

    /** Worker: region, tables, workspace. Git credentials come from the credential store (KMS). */
    public static final String WORKER_AWS_REGION = "HERMES_AWS_REGION";
    public static final String WORKER_TABLE_PREFIX = "HERMES_TABLE_PREFIX";
    public static final String WORKER_WORKSPACE = "HERMES_WORKSPACE";

    private ServiceEnvironment() {
    }
}
