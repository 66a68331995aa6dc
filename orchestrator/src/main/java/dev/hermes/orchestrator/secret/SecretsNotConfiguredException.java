package dev.hermes.orchestrator.secret;

import dev.hermes.orchestrator.inbound.RejectedException;

/** A secret was to be stored or read, but this Hermes has no key for secrets ({@code hermes.secrets.provider: none}). */
public class SecretsNotConfiguredException extends RejectedException {
    public SecretsNotConfiguredException() {
        super(409, "secrets_not_configured",
                "this Hermes has no key for secrets: set hermes.secrets.provider to kms or file");
    }
}
