package dev.hermes.orchestrator.inbound;

import java.util.List;
import java.util.Objects;

/**
 * Where and how to answer a message: for email the sender's address, the Message-ID to reply to,
 * the References chain and the subject.
 */
public record ReplyRoute(String address, String messageId, List<String> references, String subject) {
    public ReplyRoute {
        Objects.requireNonNull(address, "address");
        references = references == null ? List.of() : List.copyOf(references);
        subject = subject == null ? "" : subject;
    }
}
