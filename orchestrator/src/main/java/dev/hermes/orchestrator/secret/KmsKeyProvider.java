package dev.hermes.orchestrator.secret;

import dev.hermes.protocol.secret.DataKey;
import dev.hermes.protocol.secret.KeyProvider;
import dev.hermes.protocol.secret.KeyRef;
import dev.hermes.protocol.secret.KeyScope;
import dev.hermes.protocol.secret.KeyUnavailableException;
import dev.hermes.protocol.secret.SecretUnreadableException;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * Envelope encryption with AWS KMS: {@code GenerateDataKey} (AES-256) under the configured key and
 * {@code Decrypt} of the stored blob, both with the encryption context {@code hermes:scope} so a
 * role may be limited to one scope. Values record the key ARN KMS answered with, so pointing
 * {@code hermes.secrets.kms-key-id} at a new key leaves older values readable (their key must stay
 * enabled, and decryptable by the roles).
 */
public final class KmsKeyProvider implements KeyProvider {
    private final KmsClient kms;
    private final String keyId;

    public KmsKeyProvider(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public DataKey newDataKey(KeyScope scope) {
        try {
            GenerateDataKeyResponse response = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256)
                    .encryptionContext(context(scope)));
            return new DataKey(new KeyRef(KeyRef.KMS, response.keyId()), response.ciphertextBlob().asByteArray(),
                    response.plaintext().asByteArray());
        } catch (NotFoundException e) {
            throw new KeyUnavailableException("KMS has no key " + keyId + " (" + e.awsErrorDetails().errorCode() + ")", e);
        } catch (SdkException e) {
            throw new KeyUnavailableException("KMS GenerateDataKey failed: " + reason(e), e);
        }
    }

    @Override
    public byte[] unwrap(KeyRef ref, byte[] wrapped, KeyScope scope) {
        if (!KeyRef.KMS.equals(ref.provider())) {
            throw new SecretUnreadableException("a value sealed with " + ref + " cannot be opened with KMS");
        }
        try {
            DecryptResponse response = kms.decrypt(b -> b.keyId(ref.id()).ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .encryptionContext(context(scope)));
            return response.plaintext().asByteArray();
        } catch (InvalidCiphertextException | IncorrectKeyException | NotFoundException e) {
            throw new SecretUnreadableException("KMS refuses the data key of " + ref + ": "
                    + e.awsErrorDetails().errorCode(), e);
        } catch (SdkException e) {
            throw new KeyUnavailableException("KMS Decrypt failed: " + reason(e), e);
        }
    }

    static Map<String, String> context(KeyScope scope) {
        return Map.of(KeyScope.CONTEXT_KEY, scope.contextValue());
    }

    private static String reason(SdkException e) {
        return e instanceof KmsException k && k.awsErrorDetails() != null ? k.awsErrorDetails().errorCode()
                : e.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "KmsKeyProvider[" + keyId + "]";
    }
}
