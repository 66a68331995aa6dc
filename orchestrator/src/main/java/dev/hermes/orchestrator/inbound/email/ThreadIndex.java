package dev.hermes.orchestrator.inbound.email;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Outlook's {@code Thread-Index}: base64 of a 22-byte conversation header (reserved byte, FILETIME,
 * GUID) followed by a 5-byte block per reply. The header names the conversation; Hermes records it
 * as the {@code thread-keys} key {@code thread-index:{hex of the 22 bytes}}.
 */
final class ThreadIndex {
    static final String KEY_PREFIX = "thread-index:";
    private static final int HEADER_BYTES = 22;

    private ThreadIndex() {
    }

    static Optional<String> conversationKey(String header) {
        if (header == null || header.isBlank() || header.length() > 4096) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(header.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (decoded.length < HEADER_BYTES) {
            return Optional.empty();
        }
        return Optional.of(KEY_PREFIX + HexFormat.of().formatHex(decoded, 0, HEADER_BYTES));
    }
}
