package dev.hermes.protocol.secret;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Field-level encryption: each value is sealed with AES-256-GCM under a data key from the
 * {@link KeyProvider}, with a fresh nonce, and with its record's key and field name as associated
 * data, so a ciphertext copied to another record or field does not decrypt. The same class seals in
 * the orchestrator and opens in the worker.
 */
public final class SecretCipher {
    private final KeyProvider keys;

    public SecretCipher(KeyProvider keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The stored form of {@code value} as field {@code field} of record {@code recordKey}. */
    public String seal(String recordKey, String field, Secret value) {
        DataKey key = keys.newDataKey(KeyScope.of(recordKey));
        byte[] nonce = Aead.nonce();
        byte[] ciphertext = Aead.encrypt(key.plaintext(), nonce, value.reveal().getBytes(StandardCharsets.UTF_8),
                aad(key.ref(), recordKey, field));
        return new SealedValue(key.ref(), key.wrapped(), nonce, ciphertext).format();
    }

    /** @throws SecretUnreadableException when it was sealed elsewhere, with an unknown key, or altered */
    public Secret open(String recordKey, String field, String sealed) {
        SealedValue value = SealedValue.parse(sealed);
        byte[] key = keys.unwrap(value.keyRef(), value.wrappedKey(), KeyScope.of(recordKey));
        byte[] plaintext = Aead.decrypt(key, value.nonce(), value.ciphertext(), aad(value.keyRef(), recordKey, field));
        if (plaintext == null) {
            throw new SecretUnreadableException("the secret " + field + " of " + recordKey
                    + " does not decrypt: it was sealed for another record or field, or altered");
        }
        return Secret.of(new String(plaintext, StandardCharsets.UTF_8));
    }

    /** The master key a stored value is sealed under. */
    public static KeyRef keyOf(String sealed) {
        return SealedValue.parse(sealed).keyRef();
    }

    /** The master key new values of {@code scope} are sealed under now. */
    public KeyRef currentKey(KeyScope scope) {
        return keys.newDataKey(scope).ref();
    }

    private static byte[] aad(KeyRef ref, String recordKey, String field) {
        return (SealedValue.VERSION + "\n" + ref + "\n" + recordKey + "\n" + field).getBytes(StandardCharsets.UTF_8);
    }
}
