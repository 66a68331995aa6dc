package dev.hermes.orchestrator.reply.email;

import dev.hermes.orchestrator.reply.Reply;
import dev.hermes.orchestrator.reply.ReplyAttributes;
import java.util.Arrays;
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

    /** The email an outbox reply stands for. */
    public static OutgoingEmail of(Reply r) {
        String refs = r.attribute(ReplyAttributes.REFERENCES);
        return new OutgoingEmail(r.attribute(ReplyAttributes.MESSAGE_ID), r.attribute(ReplyAttributes.FROM_NAME),
                r.attribute(ReplyAttributes.FROM), r.destination(), r.attribute(ReplyAttributes.REPLY_TO), r.subject(),
                r.attribute(ReplyAttributes.IN_REPLY_TO),
                refs == null || refs.isBlank() ? List.of() : Arrays.asList(refs.strip().split("\\s+")), r.text(), r.html());
    }
}
