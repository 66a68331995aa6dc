package dev.hermes.worker.secret;

import dev.hermes.protocol.secret.DataKey;
import dev.hermes.protocol.secret.KeyProvider;
import dev.hermes.protocol.secret.KeyRef;
import dev.hermes.protocol.secret.KeyScope;
import dev.hermes.protocol.secret.SecretUnreadableException;

/**
 * The worker's way to open sealed values: by the key each value names, a {@code file:} key from the
 * local key file (when the launcher gave one) and a {@code kms:} key through KMS.
 */
public final class WorkerKeys implements KeyProvider {
    private final KeyProvider file;
    private final KeyProvider kms;

    /** @param file the key file reader, or null when this worker was given none */
    public WorkerKeys(KeyProvider file, KeyProvider kms) {
        this.file = file;
        this.kms = kms;
    }

    @Override
    public DataKey newDataKey(KeyScope scope) {
        throw new UnsupportedOperationException("the worker does not seal secrets");
    }

    @Override
    public byte[] unwrap(KeyRef ref, byte[] wrapped, KeyScope scope) {
        if (KeyRef.FILE.equals(ref.provider())) {
            if (file == null) {
                throw new SecretUnreadableException("a secret is sealed with the key file " + ref
                        + ", and this worker was given no HERMES_SECRETS_KEY_FILE");
            }
            return file.unwrap(ref, wrapped, scope);
        }
        return kms.unwrap(ref, wrapped, scope);
    }
}
