package dev.hermes.orchestrator.container;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.secret.WorkerSecretsEnvironment;
import dev.hermes.protocol.id.ContainerKey;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code HERMES_*} variables every worker gets, whatever launches it: its container key, the
 * region, the table prefix, the SQS and DynamoDB endpoints (only when the orchestrator's are pinned,
 * as in local mode and tests), the idle timeout and the lease duration, and how to open the project's
 * secrets (the key file's path locally, see {@link WorkerSecretsEnvironment}).
 */
@Singleton
public class WorkerEnvironment {
    private final TablesConfig tables;
    private final String region;
    private final String sqsEndpoint;
    private final String dynamoEndpoint;
    private final WorkerSecretsEnvironment secrets;

    public WorkerEnvironment(TablesConfig tables,
                             @Value("${aws.region:us-east-1}") String region,
                             @Value("${aws.services.sqs.endpoint-override:}") String sqsEndpoint,
                             @Value("${aws.services.dynamodb.endpoint-override:}") String dynamoEndpoint,
                             WorkerSecretsEnvironment secrets) {
        this.tables = tables;
        this.secrets = secrets;
        this.region = region;
        this.sqsEndpoint = sqsEndpoint;
        this.dynamoEndpoint = dynamoEndpoint;
    }

    public Map<String, String> of(ContainerKey key, int idleTimeoutSeconds, int leaseSeconds) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HERMES_CONTAINER_KEY", key.value());
        env.put("HERMES_AWS_REGION", region);
        env.put("HERMES_TABLE_PREFIX", tables.prefix());
        env.put("HERMES_IDLE_TIMEOUT_SECONDS", Integer.toString(idleTimeoutSeconds));
        env.put("HERMES_LEASE_SECONDS", Integer.toString(leaseSeconds));
        if (!sqsEndpoint.isBlank()) {
            env.put("HERMES_SQS_ENDPOINT", sqsEndpoint);
        }
        if (!dynamoEndpoint.isBlank()) {
            env.put("HERMES_DYNAMODB_ENDPOINT", dynamoEndpoint);
        }
        env.putAll(secrets.variables());
        return env;
    }

    /** True when the endpoints point at emulators: a worker then gets dummy credentials, never real ones. */
    public boolean emulated() {
        return !dynamoEndpoint.isBlank();
    }
}
