package dev.hermes.worker.secret;

import dev.hermes.protocol.secret.DataKey;
import dev.hermes.protocol.secret.KeyProvider;
import dev.hermes.protocol.secret.KeyRef;
import dev.hermes.protocol.secret.KeyScope;
import dev.hermes.protocol.secret.KeyUnavailableException;
import dev.hermes.protocol.secret.MasterKeys;
import dev.hermes.protocol.secret.SecretUnreadableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local key file, read by the path the launcher passed (never the key itself). Read again for
 * every unwrap the cache does not answer, so a key rotated while this worker runs is found. The worker
 * only opens values; it never seals.
 */
public final class KeyFileReader implements KeyProvider {
    private final Path file;

    public KeyFileReader(Path file) {
        this.file = file;
    }

    @Override
    public DataKey newDataKey(KeyScope scope) {
        throw new UnsupportedOperationException("the worker does not seal secrets");
    }

    @Override
    public byte[] unwrap(KeyRef ref, byte[] wrapped, KeyScope scope) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeyUnavailableException("cannot read the key file " + file, e);
        }
        try {
            return MasterKeys.parse(text).unwrap(ref, wrapped, scope);
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadableException("the key file " + file + " is damaged: " + e.getMessage());
        }
    }
}
