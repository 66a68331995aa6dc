package dev.hermes.orchestrator.secret;

import dev.hermes.protocol.secret.CachingKeyProvider;
import dev.hermes.protocol.secret.DataKey;
import dev.hermes.protocol.secret.KeyProvider;
import dev.hermes.protocol.secret.KeyRef;
import dev.hermes.protocol.secret.KeyScope;
import dev.hermes.protocol.secret.SecretCipher;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The credential store's keys as configured by {@code hermes.secrets}: the cached key provider, the
 * {@link SecretCipher} every store seals with, and the {@link KeyRotation} of the provider.
 */
@Factory
public class SecretKeys {
    /** What stands in when no provider is configured: every use is refused with a 409. */
    private static final KeyProvider NONE = new KeyProvider() {
        @Override
        public DataKey newDataKey(KeyScope scope) {
            throw new SecretsNotConfiguredException();
        }

        @Override
        public byte[] unwrap(KeyRef ref, byte[] wrapped, KeyScope scope) {
            throw new SecretsNotConfiguredException();
        }
    };

    @Singleton
    @Bean(typed = FileKeyProvider.class)
    @Requires(property = "hermes.secrets.provider", value = "file")
    FileKeyProvider keyFile(SecretsConfig config) {
        return FileKeyProvider.open(Path.of(config.keyFile()));
    }

    @Singleton
    @Bean(typed = CachingKeyProvider.class)
    CachingKeyProvider keyProvider(SecretsConfig config, BeanProvider<FileKeyProvider> file, BeanProvider<KmsClient> kms) {
        KeyProvider provider = switch (config.kind()) {
            case NONE -> NONE;
            case FILE -> file.get();
            case KMS -> new KmsKeyProvider(kms.get(), config.kmsKeyId());
        };
        return new CachingKeyProvider(provider, config.dataKeyCache(), config.dataKeyMaxUses());
    }

    @Singleton
    SecretCipher secretCipher(CachingKeyProvider keys) {
        return new SecretCipher(keys);
    }

    @Singleton
    KeyRotation keyRotation(SecretsConfig config, CachingKeyProvider keys, BeanProvider<FileKeyProvider> file) {
        if (config.kind() != SecretsConfig.Provider.FILE) {
            return () -> {
                throw new RotationByConfigurationException(config.kind());
            };
        }
        return () -> {
            KeyRef current = file.get().rotate();
            keys.forget();
            return current;
        };
    }
}
