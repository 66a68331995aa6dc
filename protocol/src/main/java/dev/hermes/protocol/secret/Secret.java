package dev.hermes.protocol.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret in clear, held only inside the process that uses it. It cannot be serialized: it has no
 * property a JSON mapper could find and no serde annotation (Jackson and Micronaut serde both refuse
 * it), and {@link #toString()} redacts. The value comes out only through {@link #reveal()}, at the
 * point where it is used (a header, a process environment).
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException when the value is null or empty (the message never holds it) */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret needs a value");
        }
        return new Secret(value);
    }

    /** The clear value, for the one place that needs it. */
    public String reveal() {
        return value;
    }

    /** Compares in constant time. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.matches(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value.length());
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
