package dev.hermes.orchestrator.secret;

import dev.hermes.orchestrator.inbound.RejectedException;

/** Only a key file is rotated by Hermes itself; a KMS key rotates in KMS or by configuration. */
public class RotationByConfigurationException extends RejectedException {
    public RotationByConfigurationException(SecretsConfig.Provider provider) {
        super(409, "rotation_by_configuration", provider == SecretsConfig.Provider.KMS
                ? "KMS keys rotate in KMS (automatic rotation keeps the key id), or point hermes.secrets.kms-key-id"
                        + " at a new key and re-encrypt"
                : "this Hermes has no key for secrets to rotate");
    }
}
