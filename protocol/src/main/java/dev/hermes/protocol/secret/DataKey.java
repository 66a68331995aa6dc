package dev.hermes.protocol.secret;

import java.util.Arrays;
import java.util.Objects;

/**
 * A data key: the AES-256 key in clear (kept in memory only, briefly) and the same key wrapped by
 * a master key, which is what is stored next to each value. Not a record, so no mapper can find its
 * bytes; {@link #toString()} names the master key only.
 */
public final class DataKey {
    private final KeyRef ref;
    private final byte[] wrapped;
    private final byte[] plaintext;

    public DataKey(KeyRef ref, byte[] wrapped, byte[] plaintext) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.wrapped = wrapped.clone();
        if (plaintext.length != 32) {
            throw new IllegalArgumentException("a data key is 256 bits");
        }
        this.plaintext = plaintext.clone();
    }

    public KeyRef ref() {
        return ref;
    }

    public byte[] wrapped() {
        return wrapped.clone();
    }

    byte[] plaintext() {
        return plaintext;
    }

    /** Whether this is the data key {@code wrapped} names under {@code ref}. */
    public boolean is(KeyRef ref, byte[] wrapped) {
        return this.ref.equals(ref) && Arrays.equals(this.wrapped, wrapped);
    }

    @Override
    public String toString() {
        return "DataKey[" + ref + "]";
    }
}
