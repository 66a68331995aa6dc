package dev.hermes.protocol.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The master keys of a local key file, and the {@link KeyProvider} they make: each data key is
 * random and wrapped with AES-256-GCM under the current master key (its id and the scope as
 * associated data). Older keys stay in the file so the values they sealed stay readable. The text
 * form is one {@code id=base64} line per key and {@code current=id}; reading and writing the file is
 * the adapters' business.
 */
public final class MasterKeys implements KeyProvider {
    private static final Pattern KEY_ID = Pattern.compile("k[0-9]{1,6}");
    private final String currentId;
    private final Map<String, byte[]> keys;

    private MasterKeys(String currentId, Map<String, byte[]> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /** One fresh key, {@code k1}. */
    public static MasterKeys generate() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("k1", Aead.randomKey());
        return new MasterKeys("k1", keys);
    }

    /** @throws IllegalArgumentException when the text is not a key file (the message holds no key) */
    public static MasterKeys parse(String text) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("a key file line is id=base64 or current=id");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (name.equals("current")) {
                current = value;
            } else if (KEY_ID.matcher(name).matches()) {
                byte[] key;
                try {
                    key = Base64.getDecoder().decode(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("key " + name + " is not base64");
                }
                if (key.length != 32) {
                    throw new IllegalArgumentException("key " + name + " is not 256 bits");
                }
                keys.put(name, key);
            } else {
                throw new IllegalArgumentException("unknown key file entry " + name);
            }
        }
        if (current == null || !keys.containsKey(current)) {
            throw new IllegalArgumentException("the key file names no current key it holds");
        }
        return new MasterKeys(current, keys);
    }

    public String format() {
        StringBuilder b = new StringBuilder("# Hermes master keys: owner-only. Losing this file loses every secret sealed with it.\n");
        b.append("current=").append(currentId).append('\n');
        keys.forEach((id, key) -> b.append(id).append('=').append(Base64.getEncoder().encodeToString(key)).append('\n'));
        return b.toString();
    }

    /** These keys plus a fresh one, which becomes current; the old ones stay for reading. */
    public MasterKeys rotated() {
        int next = keys.keySet().stream().mapToInt(id -> Integer.parseInt(id.substring(1))).max().orElse(0) + 1;
        Map<String, byte[]> more = new LinkedHashMap<>(keys);
        String id = "k" + next;
        more.put(id, Aead.randomKey());
        return new MasterKeys(id, more);
    }

    public KeyRef current() {
        return new KeyRef(KeyRef.FILE, currentId);
    }

    @Override
    public DataKey newDataKey(KeyScope scope) {
        byte[] dataKey = Aead.randomKey();
        byte[] nonce = Aead.nonce();
        byte[] sealed = Aead.encrypt(keys.get(currentId), nonce, dataKey, aad(currentId, scope));
        byte[] wrapped = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, wrapped, 0, nonce.length);
        System.arraycopy(sealed, 0, wrapped, nonce.length, sealed.length);
        return new DataKey(current(), wrapped, dataKey);
    }

    @Override
    public byte[] unwrap(KeyRef ref, byte[] wrapped, KeyScope scope) {
        byte[] master = KeyRef.FILE.equals(ref.provider()) ? keys.get(ref.id()) : null;
        if (master == null) {
            throw new SecretUnreadableException("the key file holds no key " + ref);
        }
        if (wrapped.length <= Aead.NONCE_BYTES) {
            throw new SecretUnreadableException("a wrapped data key of " + ref + " is damaged");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(wrapped, 0, Aead.NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(wrapped, Aead.NONCE_BYTES, wrapped.length);
        byte[] key = Aead.decrypt(master, nonce, sealed, aad(ref.id(), scope));
        if (key == null) {
            throw new SecretUnreadableException("a data key does not unwrap under " + ref);
        }
        return key;
    }

    private static byte[] aad(String keyId, KeyScope scope) {
        return ("hermes-data-key/v1\n" + keyId + "\n" + scope.contextValue()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MasterKeys[current=" + currentId + ", " + keys.size() + " keys]";
    }
}
