package dev.hermes.orchestrator.inbound;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to answer a message. Email: the sender's address, the Message-ID to reply to, the
 * References chain and the subject. Other channels: {@code address} is the phone, channel or
 * callback, and {@code attributes} hold what their reply API needs (a Slack {@code thread_ts} …).
 */
public record ReplyRoute(String address, String messageId, List<String> references, String subject,
                         Map<String, String> attributes) {
    public ReplyRoute {
        Objects.requireNonNull(address, "address");
        references = references == null ? List.of() : List.copyOf(references);
        subject = subject == null ? "" : subject;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public ReplyRoute(String address, String messageId, List<String> references, String subject) {
        this(address, messageId, references, subject, Map.of());
    }
}
