package dev.hermes.protocol.id;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/** Shared checks and hashing for the id records. Ids are validated once, at construction. */
final class Ids {
    private Ids() {
    }

    static String require(String kind, String value, Pattern pattern) {
        if (value == null) {
            throw new InvalidIdException(kind + " is missing");
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidIdException(kind + " '" + abbreviate(value) + "' does not match " + pattern.pattern());
        }
        return value;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hex(byte[] bytes, int chars) {
        StringBuilder out = new StringBuilder(chars);
        for (int i = 0; out.length() < chars; i++) {
            out.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        return out.substring(0, chars);
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
