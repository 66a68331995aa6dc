package dev.hermes.orchestrator.secret;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a launched worker needs to open its project's secrets: the key file's path in local mode
 * ({@code HERMES_SECRETS_KEY_FILE}, never the key), and the KMS endpoint when one is overridden
 * ({@code HERMES_KMS_ENDPOINT}). On AWS the worker needs neither: a KMS value names its key.
 */
@Singleton
public class WorkerSecretsEnvironment {
    public static final String KEY_FILE = "HERMES_SECRETS_KEY_FILE";
    public static final String KMS_ENDPOINT = "HERMES_KMS_ENDPOINT";
    private final Map<String, String> variables = new LinkedHashMap<>();

    public WorkerSecretsEnvironment(SecretsConfig config, @Value("${aws.services.kms.endpoint-override:}") String kmsEndpoint) {
        if (config.kind() == SecretsConfig.Provider.FILE) {
            variables.put(KEY_FILE, Path.of(config.keyFile()).toAbsolutePath().toString());
        }
        if (!kmsEndpoint.isBlank()) {
            variables.put(KMS_ENDPOINT, kmsEndpoint);
        }
    }

    public Map<String, String> variables() {
        return Map.copyOf(variables);
    }
}
