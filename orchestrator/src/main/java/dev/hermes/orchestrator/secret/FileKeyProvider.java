package dev.hermes.orchestrator.secret;

import dev.hermes.protocol.secret.DataKey;
import dev.hermes.protocol.secret.KeyProvider;
import dev.hermes.protocol.secret.KeyRef;
import dev.hermes.protocol.secret.KeyScope;
import dev.hermes.protocol.secret.KeyUnavailableException;
import dev.hermes.protocol.secret.MasterKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local mode's master keys, in a file under the data dir: created on first start (owner-only,
 * {@code rw-------}), refused when anyone else may read it. A rotation writes the file anew (through a
 * temporary owner-only file and an atomic move) with one more key, which becomes current; workers
 * read the same file by its path.
 */
public final class FileKeyProvider implements KeyProvider, KeyRotation {
    private static final Logger LOG = LoggerFactory.getLogger(FileKeyProvider.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final Path file;
    private volatile MasterKeys keys;

    private FileKeyProvider(Path file, MasterKeys keys) {
        this.file = file;
        this.keys = keys;
    }

    /** Reads the key file, creating it with one fresh key when there is none. */
    public static FileKeyProvider open(Path file) {
        try {
            if (!Files.exists(file)) {
                MasterKeys fresh = MasterKeys.generate();
                Path dir = file.toAbsolutePath().getParent();
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                write(file, fresh);
                LOG.info("created the key file {} ({})", file, fresh.current());
                return new FileKeyProvider(file, fresh);
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new IllegalStateException("the key file " + file + " may be read by others ("
                        + PosixFilePermissions.toString(permissions) + "): chmod 600 it");
            }
            return new FileKeyProvider(file, MasterKeys.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new KeyUnavailableException("cannot read or create the key file " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public DataKey newDataKey(KeyScope scope) {
        return keys.newDataKey(scope);
    }

    @Override
    public byte[] unwrap(KeyRef ref, byte[] wrapped, KeyScope scope) {
        return keys.unwrap(ref, wrapped, scope);
    }

    @Override
    public synchronized KeyRef rotate() {
        MasterKeys rotated = keys.rotated();
        try {
            write(file, rotated);
        } catch (IOException e) {
            throw new KeyUnavailableException("cannot write the key file " + file, e);
        }
        keys = rotated;
        LOG.info("rotated the key file {}: new values are sealed under {}", file, rotated.current());
        return rotated.current();
    }

    private static void write(Path file, MasterKeys keys) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".keys-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(temp, keys.format(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public String toString() {
        return "FileKeyProvider[" + file + "]";
    }
}
