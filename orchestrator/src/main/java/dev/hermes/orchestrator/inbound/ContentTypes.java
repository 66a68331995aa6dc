package dev.hermes.orchestrator.inbound;

import java.util.Locale;

/**
 * Webhooks name their body's type: a request without one, or with another, is rejected (415)
 * before anything reads it, rather than guessed at.
 */
public final class ContentTypes {
    private ContentTypes() {
    }

    public static void require(String presented, String expected) {
        String type = presented == null ? "" : presented.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(expected)) {
            throw new RejectedException(415, "unsupported_media_type", "the body must be " + expected);
        }
    }
}
