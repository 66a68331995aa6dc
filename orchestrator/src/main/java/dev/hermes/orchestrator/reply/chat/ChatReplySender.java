package dev.hermes.orchestrator.reply.chat;

import static dev.hermes.orchestrator.reply.ReplyAttributes.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.orchestrator.config.ChatConfig;
import dev.hermes.orchestrator.inbound.chat.StandardWebhookSignature;
import dev.hermes.orchestrator.reply.Accepted;
import dev.hermes.orchestrator.reply.Reply;
import dev.hermes.orchestrator.reply.ReplyCredentials;
import dev.hermes.orchestrator.reply.ReplyFailedException;
import dev.hermes.orchestrator.reply.ReplySecret;
import dev.hermes.orchestrator.reply.ReplySender;
import dev.hermes.orchestrator.reply.RetryPolicy;
import dev.hermes.orchestrator.reply.http.ProviderHttp;
import dev.hermes.protocol.state.Channel;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Generic chat replies: a JSON POST to the conversation's callback URL, signed as the inbound
 * webhook is (Standard Webhooks: {@code webhook-id} is the reply id, the same on every attempt so
 * the receiver can drop repeats; {@code webhook-timestamp}; {@code webhook-signature} {@code v1,}
 * HMAC-SHA256). The payload is {@code {"type": "hermes.reply", "timestamp", "data": {…}}}. Callbacks
 * pass the {@link CallbackGuard} first.
 */
@Singleton
@Requires(property = "hermes.reply.chat.enabled", value = "true")
public class ChatReplySender implements ReplySender {
    private final ChatReplyConfig config;
    private final ReplyCredentials credentials;
    private final CallbackGuard guard;
    private final ProviderHttp http;
    private final Clock clock;

    public ChatReplySender(ChatReplyConfig config, ReplyCredentials credentials, Clock clock) {
        this.config = config;
        this.credentials = credentials;
        this.guard = new CallbackGuard(config.allowedHosts());
        this.http = new ProviderHttp("chat callback", config.connectTimeout(), config.requestTimeout());
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.CHAT;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return config.retryPolicy();
    }

    @Override
    public Accepted send(Reply reply) {
        String callback = reply.attribute(CHAT_CALLBACK);
        if (callback == null) {
            throw ReplyFailedException.permanent("the conversation gave no callbackUrl");
        }
        URI url;
        try {
            url = URI.create(callback);
        } catch (IllegalArgumentException e) {
            throw ReplyFailedException.permanent("callback refused: not a URL");
        }
        guard.check(url);
        byte[] key = ChatConfig.keyOf(credentials.secret(ReplySecret.CHAT_SIGNING_SECRET));
        if (key.length < 16) {
            throw ReplyFailedException.retryable(ReplySecret.CHAT_SIGNING_SECRET.property() + " must be whsec_ + base64 of 16+ bytes");
        }
        Instant now = clock.instant();
        byte[] body = payload(reply, now).toString().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(now.getEpochSecond());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("webhook-id", reply.replyId())
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", StandardWebhookSignature.sign(key, reply.replyId(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        if (response.statusCode() / 100 != 2) {
            if (response.statusCode() == 410) {
                throw ReplyFailedException.permanent("chat callback answered 410: the receiver is gone");
            }
            throw http.failure(response, ProviderHttp.snippet(response.body()));
        }
        JsonNode answer = ProviderHttp.json(response.body());
        return Accepted.as(answer.path("id").isTextual() ? answer.get("id").asText() : reply.replyId());
    }

    static ObjectNode payload(Reply reply, Instant now) {
        ObjectNode root = ProviderHttp.mapper().createObjectNode();
        root.put("type", "hermes.reply");
        root.put("timestamp", now.toString());
        ObjectNode data = root.putObject("data");
        data.put("replyId", reply.replyId());
        data.put("kind", reply.kind().name());
        data.put("conversationId", reply.attribute(CHAT_CONVERSATION));
        data.put("threadId", reply.threadId().value());
        data.put("commandId", reply.commandId());
        data.put("status", reply.attribute(STATUS));
        data.put("text", reply.text());
        data.put("branch", reply.attribute(BRANCH));
        data.put("commitSha", reply.attribute(COMMIT));
        ArrayNode files = data.putArray("filesChanged");
        String list = reply.attribute(FILES);
        if (list != null && !list.isEmpty()) {
            list.lines().forEach(files::add);
        }
        return root;
    }
}
