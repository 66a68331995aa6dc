package dev.hermes.orchestrator.routing;

import dev.hermes.orchestrator.inbound.RejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque pagination cursors: the last key of a page, base64url. */
public final class Cursors {
    private Cursors() {
    }

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RejectedException.badRequest("invalid_cursor", "cursor is not one this API returned");
        }
    }
}
