package dev.hermes.orchestrator.secret;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code hermes.secrets}: where the credential store's data keys come from. {@code provider} is
 * {@code kms} (AWS: {@code kms-key-id} names the key new values are sealed under; older values name
 * their own), {@code file} (local: {@code key-file}, created owner-only on first start) or
 * {@code none} (no secret can be stored). Data keys are reused for {@code data-key-cache} or
 * {@code data-key-max-uses} seals, and unwrapped keys kept as long.
 */
@ConfigurationProperties("hermes.secrets")
public record SecretsConfig(@Bindable(defaultValue = "none") String provider,
                            @Nullable String keyFile,
                            @Nullable String kmsKeyId,
                            @Bindable(defaultValue = "5m") Duration dataKeyCache,
                            @Bindable(defaultValue = "10000") int dataKeyMaxUses) {
    public enum Provider { NONE, FILE, KMS }

    public SecretsConfig {
        Provider kind = kind(provider);
        if (kind == Provider.FILE && (keyFile == null || keyFile.isBlank())) {
            throw new IllegalArgumentException("hermes.secrets.key-file is required with provider file");
        }
        if (kind == Provider.KMS && (kmsKeyId == null || kmsKeyId.isBlank())) {
            throw new IllegalArgumentException("hermes.secrets.kms-key-id is required with provider kms");
        }
        if (dataKeyCache.isNegative() || dataKeyCache.compareTo(Duration.ofHours(1)) > 0 || dataKeyMaxUses < 1) {
            throw new IllegalArgumentException("hermes.secrets: data-key-cache 0..1h, data-key-max-uses at least 1");
        }
    }

    public Provider kind() {
        return kind(provider);
    }

    private static Provider kind(String provider) {
        try {
            return Provider.valueOf(provider.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("hermes.secrets.provider must be none, file or kms");
        }
    }
}
