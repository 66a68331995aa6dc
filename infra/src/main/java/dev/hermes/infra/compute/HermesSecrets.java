package dev.hermes.infra.compute;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The Secrets Manager secrets the operator creates before deploying (names under the secret prefix),
 * injected by ECS as environment variables: their values never appear in the template, the task
 * definition or a log. Only the execution roles may read them, each only its own. The worker has none:
 * its project's git credential and secret variables come from the credential store, sealed with KMS.
 */
public final class HermesSecrets extends Construct {
    public static final String API_TOKEN = "api-token";
    public static final String MIME_SECRET = "mime-secret";

    private final String prefix;
    private final Map<String, Secret> orchestrator = new LinkedHashMap<>();
    private final Map<String, Secret> worker = new LinkedHashMap<>();

    public HermesSecrets(Construct scope, String id, ComputeProps props) {
        super(scope, id);
        this.prefix = props.secretPrefix();
        orchestrator.put(ServiceEnvironment.API_TOKEN, secret("ApiToken", API_TOKEN));
        orchestrator.put(ServiceEnvironment.MIME_SECRET, secret("MimeSecret", MIME_SECRET));
        for (OptionalChannel channel : OptionalChannel.values()) {
            if (props.channels().contains(channel)) {
                orchestrator.put(channel.variable(), secret(channel.name(), channel.secretName()));
            }
        }
    }

    /** Variable → secret for the orchestrator container. */
    public Map<String, Secret> orchestrator() {
        return Map.copyOf(orchestrator);
    }

    /** Variable → secret for the worker container (none today). */
    public Map<String, Secret> worker() {
        return Map.copyOf(worker);
    }

    private Secret secret(String id, String name) {
        ISecret secret = software.amazon.awscdk.services.secretsmanager.Secret.fromSecretNameV2(this, id, prefix + name);
        return Secret.fromSecretsManager(secret);
    }
}
