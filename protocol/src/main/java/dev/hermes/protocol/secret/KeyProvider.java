package dev.hermes.protocol.secret;

/**
 * Where data keys come from (envelope encryption): KMS {@code GenerateDataKey}/{@code Decrypt} on
 * AWS, a key file under the data dir locally. Implementations translate their failures to
 * {@link SecretUnreadableException} (this key cannot be unwrapped) or {@link KeyUnavailableException}
 * (the key service cannot be reached; a retry may help).
 */
public interface KeyProvider {
    /** A fresh data key under the current master key, bound to {@code scope}. */
    DataKey newDataKey(KeyScope scope);

    /** The clear data key that {@code wrapped} holds, as {@link #newDataKey} made it for {@code scope}. */
    byte[] unwrap(KeyRef ref, byte[] wrapped, KeyScope scope);
}
