package dev.hermes.orchestrator.inbound;

import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.state.Channel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message from any channel, reduced to what the intake needs.
 *
 * @param providerEventId the provider's id of this event (Message-ID, MessageSid…): the command id derives from it
 * @param routeKey        the sender as a {@code routes} key: {@code email:{address}}, {@code sms:{e164}}, {@code slack:{team}:{user}}…
 * @param hints           thread clues, strongest first
 * @param rootKey         the key a new thread is named after
 * @param ownKeys         keys that identify this message in {@code thread-keys} from now on
 * @param projectHint     a project named by the message itself (recipient local part), if any
 * @param title           a one-line summary
 * @param instruction     the new text only: quoted history, signatures and tokens removed
 * @param attachments     what came attached (described, not stored)
 */
public record InboundMessage(Channel channel, String providerEventId, String routeKey, List<ThreadHint> hints,
                             String rootKey, List<String> ownKeys, Optional<ProjectId> projectHint, String title,
                             String instruction, ReplyRoute replyRoute, List<Attachment> attachments) {
    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(providerEventId, "providerEventId");
        Objects.requireNonNull(routeKey, "routeKey");
        Objects.requireNonNull(rootKey, "rootKey");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(replyRoute, "replyRoute");
        hints = List.copyOf(hints);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        ownKeys = List.copyOf(ownKeys);
        projectHint = projectHint == null ? Optional.empty() : projectHint;
    }
}
