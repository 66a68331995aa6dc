package dev.hermes.orchestrator.reply;

import java.util.List;
import java.util.Objects;

/** A reply email, fully decided: addresses, threading headers and both bodies. */
public record OutgoingEmail(String messageId, String fromName, String from, String to, String replyTo,
                            String subject, String inReplyTo, List<String> references, String text, String html) {
    public OutgoingEmail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        references = references == null ? List.of() : List.copyOf(references);
    }
}
