package dev.hermes.protocol.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The stored form of one encrypted value:
 * {@code hs1.{keyRef}.{wrapped data key}.{nonce}.{ciphertext and tag}}, each part base64url. Holds no
 * clear text; {@link #toString()} shows only the key reference.
 */
public final class SealedValue {
    static final String VERSION = "hs1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private final KeyRef keyRef;
    private final byte[] wrappedKey;
    private final byte[] nonce;
    private final byte[] ciphertext;

    SealedValue(KeyRef keyRef, byte[] wrappedKey, byte[] nonce, byte[] ciphertext) {
        this.keyRef = keyRef;
        this.wrappedKey = wrappedKey;
        this.nonce = nonce;
        this.ciphertext = ciphertext;
    }

    /** @throws SecretUnreadableException when the text is not a sealed value */
    public static SealedValue parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw new SecretUnreadableException("not a sealed value (expected " + VERSION + ".…)");
        }
        try {
            return new SealedValue(KeyRef.parse(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8)),
                    DECODER.decode(parts[2]), DECODER.decode(parts[3]), DECODER.decode(parts[4]));
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadableException("a sealed value is damaged");
        }
    }

    public String format() {
        return String.join(".", VERSION, ENCODER.encodeToString(keyRef.toString().getBytes(StandardCharsets.UTF_8)),
                ENCODER.encodeToString(wrappedKey), ENCODER.encodeToString(nonce), ENCODER.encodeToString(ciphertext));
    }

    public KeyRef keyRef() {
        return keyRef;
    }

    byte[] wrappedKey() {
        return wrappedKey;
    }

    byte[] nonce() {
        return nonce;
    }

    byte[] ciphertext() {
        return ciphertext;
    }

    @Override
    public String toString() {
        return "SealedValue[" + keyRef + "]";
    }
}
