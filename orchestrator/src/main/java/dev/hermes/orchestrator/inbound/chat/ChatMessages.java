package dev.hermes.orchestrator.inbound.chat;

import dev.hermes.orchestrator.inbound.InboundMessage;
import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.inbound.ThreadHint;
import dev.hermes.orchestrator.thread.ThreadMentions;
import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.table.RoutesTable;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The generic chat payload {@code {"conversationId", "user", "text", "callbackUrl"?}} as an
 * {@link InboundMessage}: routed by {@code chat:{user}}, threaded by a mentioned thread first, then
 * by the conversation ({@code chat:{conversationId}}).
 */
final class ChatMessages {
    static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,128}");
    static final Pattern CONVERSATION = Pattern.compile("[A-Za-z0-9._:@+/-]{1,200}");
    private static final Pattern URL = Pattern.compile("https?://[\\x21-\\x7e]{1,2000}");
    private static final int TITLE_CHARS = 60;

    private ChatMessages() {
    }

    static InboundMessage from(String webhookId, JsonBody payload) {
        String conversation = payload.required("conversationId", CONVERSATION);
        String user = payload.required("user", USER);
        String raw = payload.text("text")
                .orElseThrow(() -> RejectedException.badRequest("missing_field", "the body has no 'text'"));
        Optional<String> callback = payload.text("callbackUrl");
        if (callback.isPresent() && !validUrl(callback.get())) {
            throw RejectedException.badRequest("bad_field", "'callbackUrl' must be an absolute http(s) URL");
        }
        String text = ThreadMentions.strip(raw);
        if (text.isEmpty()) {
            throw RejectedException.unprocessable("empty_message", "the message has no text");
        }
        String key = "chat:" + conversation;
        List<ThreadHint> hints = new ArrayList<>();
        ThreadMentions.find(raw).forEach(id -> hints.add(ThreadHint.threadId(ThreadSignal.TOKEN, id)));
        hints.add(ThreadHint.key(ThreadSignal.CHAT, key));
        String title = text.lines().findFirst().orElse("");
        title = title.length() > TITLE_CHARS ? title.substring(0, TITLE_CHARS) : title;
        Map<String, String> attributes = new HashMap<>();
        attributes.put("conversationId", conversation);
        callback.ifPresent(url -> attributes.put("callbackUrl", url));
        ReplyRoute reply = new ReplyRoute(callback.orElse(user), webhookId, List.of(), title, attributes);
        // Named after the conversation, so racing first messages share one thread; a conversation id
        // another user already rooted a thread on counts as a collision (ThreadResolver), never a join.
        return new InboundMessage(Channel.CHAT, webhookId, RoutesTable.chatKey(user), hints, key,
                List.of(key), Optional.empty(), title, text, reply, List.of());
    }

    private static boolean validUrl(String url) {
        if (!URL.matcher(url).matches()) {
            return false;
        }
        try {
            return URI.create(url).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
