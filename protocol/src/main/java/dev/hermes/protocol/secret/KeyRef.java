package dev.hermes.protocol.secret;

import java.util.regex.Pattern;

/**
 * Names the master key a data key was wrapped with: {@code file:{id}} (a local key file) or
 * {@code kms:{key ARN}}. Stored with every sealed value, so a value stays readable after the current
 * key changes.
 */
public record KeyRef(String provider, String id) {
    public static final String FILE = "file";
    public static final String KMS = "kms";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9:/_.+=@-]{1,256}");

    public KeyRef {
        if (!FILE.equals(provider) && !KMS.equals(provider)) {
            throw new IllegalArgumentException("key provider must be file or kms");
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("key id must match " + ID.pattern());
        }
    }

    public static KeyRef parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a key reference is provider:id");
        }
        return new KeyRef(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return provider + ":" + id;
    }
}
