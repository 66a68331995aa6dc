package dev.hermes.orchestrator.inbound.email;

import java.util.List;

/** Test helper: the Message-ID of a raw message, as the parser reads it. */
public final class MimeParserSupport {
    private MimeParserSupport() {
    }

    public static String messageId(byte[] raw) {
        return new MimeParser(new dev.hermes.orchestrator.config.EmailConfig("hermes.localhost", "hermes", "Hermes"))
                .parse(raw, List.of()).providerEventId();
    }
}
