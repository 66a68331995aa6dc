package dev.hermes.protocol.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A conversation: 8 characters of lower-case base32 ({@code [a-z2-7]}) taken from SHA-256 of the
 * thread's root key. Lower case because it travels in email local parts. A collision with another
 * root key is resolved by the caller with the next {@code attempt}.
 */
public record ThreadId(@JsonValue String value) {
    public static final int LENGTH = 8;
    public static final Pattern PATTERN = Pattern.compile("[a-z2-7]{" + LENGTH + "}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    @JsonCreator
    public ThreadId {
        Ids.require("threadId", value, PATTERN);
    }

    public static ThreadId fromRootKey(String rootKey, int attempt) {
        if (rootKey == null || rootKey.isEmpty()) {
            throw new InvalidIdException("thread root key is missing");
        }
        byte[] digest = Ids.sha256(attempt == 0 ? rootKey : rootKey + "\u0000" + attempt);
        StringBuilder out = new StringBuilder(LENGTH);
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        for (int i = LENGTH - 1; i >= 0; i--) {
            out.append(ALPHABET.charAt((int) ((bits >>> (i * 5)) & 0x1f)));
        }
        return new ThreadId(out.toString());
    }

    /** The git branch of this thread's session. */
    public String branch() {
        return "thread-" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
