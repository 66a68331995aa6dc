package dev.hermes.worker.secret;

import dev.hermes.protocol.secret.DataKey;
import dev.hermes.protocol.secret.KeyProvider;
import dev.hermes.protocol.secret.KeyRef;
import dev.hermes.protocol.secret.KeyScope;
import dev.hermes.protocol.secret.KeyUnavailableException;
import dev.hermes.protocol.secret.SecretUnreadableException;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * KMS {@code Decrypt} of a project secret's data key, with the key the value names and the
 * {@code hermes:scope} encryption context (the worker's role may decrypt project secrets only). The
 * client is made on first use, so a worker whose project has no KMS secret never builds one.
 */
public final class KmsDecrypter implements KeyProvider {
    private final Supplier<KmsClient> clients;
    private volatile KmsClient kms;

    public KmsDecrypter(Supplier<KmsClient> clients) {
        this.clients = clients;
    }

    @Override
    public DataKey newDataKey(KeyScope scope) {
        throw new UnsupportedOperationException("the worker does not seal secrets");
    }

    @Override
    public byte[] unwrap(KeyRef ref, byte[] wrapped, KeyScope scope) {
        try {
            return client().decrypt(b -> b.keyId(ref.id()).ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .encryptionContext(Map.of(KeyScope.CONTEXT_KEY, scope.contextValue()))).plaintext().asByteArray();
        } catch (InvalidCiphertextException | IncorrectKeyException | NotFoundException e) {
            throw new SecretUnreadableException("KMS refuses the data key of " + ref + ": " + e.awsErrorDetails().errorCode(), e);
        } catch (SdkException e) {
            String reason = e instanceof KmsException k && k.awsErrorDetails() != null ? k.awsErrorDetails().errorCode()
                    : e.getClass().getSimpleName();
            throw new KeyUnavailableException("KMS Decrypt failed: " + reason, e);
        }
    }

    private KmsClient client() {
        KmsClient current = kms;
        if (current == null) {
            synchronized (this) {
                if (kms == null) {
                    kms = clients.get();
                }
                current = kms;
            }
        }
        return current;
    }

    /** Closes the client if one was made. */
    public void close() {
        KmsClient current = kms;
        if (current != null) {
            current.close();
        }
    }
}
