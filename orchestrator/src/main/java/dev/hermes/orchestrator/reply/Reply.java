package dev.hermes.orchestrator.reply;

import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.state.Channel;
import java.util.Map;
import java.util.Objects;

/**
 * One reply, fully decided: where it goes and what it says, with the channel's specifics in
 * {@code attributes} (see {@link ReplyAttributes}). Self-contained, so the outbox can send it after
 * a restart without reading the command again.
 */
public record Reply(String replyId, Kind kind, String commandId, ThreadId threadId, Channel channel,
                    String destination, String subject, String text, String html, Map<String, String> attributes) {
    /** A command's result; the "starting your workspace" acknowledgement; any other notice. */
    public enum Kind { RESULT, ACK, NOTICE }

    public Reply {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(text, "text");
        subject = subject == null ? "" : subject;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The attribute, or null. */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
