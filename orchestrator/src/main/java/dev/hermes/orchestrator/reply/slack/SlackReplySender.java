package dev.hermes.orchestrator.reply.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.orchestrator.reply.Accepted;
import dev.hermes.orchestrator.reply.Reply;
import dev.hermes.orchestrator.reply.ReplyAttributes;
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
import java.util.Set;

/**
 * Slack replies in the message's thread: {@code POST {base}/api/chat.postMessage} with the bot
 * token as bearer and JSON {@code channel}, {@code thread_ts}, {@code text}. Slack answers 200 with
 * {@code {"ok": false, "error": …}} when it refuses, which is a failure like any other; 429 carries
 * Retry-After, which is honoured.
 */
@Singleton
@Requires(property = "hermes.reply.slack.base-url")
public class SlackReplySender implements ReplySender {
    /** Errors that a later attempt can get past; every other error is final (channel_not_found …). */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "invalid_auth", "not_authed", "token_expired", "token_revoked");
    private final SlackReplyConfig config;
    private final ReplyCredentials credentials;
    private final ProviderHttp http;
    private final URI endpoint;

    public SlackReplySender(SlackReplyConfig config, ReplyCredentials credentials) {
        this.config = config;
        this.credentials = credentials;
        this.http = new ProviderHttp("Slack", config.connectTimeout(), config.requestTimeout());
        this.endpoint = URI.create(config.baseUrl() + "/api/chat.postMessage");
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return config.retryPolicy();
    }

    @Override
    public Accepted send(Reply reply) {
        ObjectNode message = ProviderHttp.mapper().createObjectNode();
        message.put("channel", reply.destination());
        String threadTs = reply.attribute(ReplyAttributes.SLACK_THREAD_TS);
        if (threadTs != null) {
            message.put("thread_ts", threadTs);
        }
        message.put("text", reply.text());
        message.put("unfurl_links", false);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer " + credentials.secret(ReplySecret.SLACK_BOT_TOKEN))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString(), StandardCharsets.UTF_8)));
        JsonNode body = ProviderHttp.json(response.body());
        if (response.statusCode() != 200) {
            throw http.failure(response, body.path("error").asText(ProviderHttp.snippet(response.body())));
        }
        if (!body.path("ok").asBoolean(false)) {
            String error = body.path("error").asText("no ok in the answer");
            throw new ReplyFailedException("Slack refused: " + error, TRANSIENT.contains(error), null, null);
        }
        // The posted message is named by its channel and ts.
        return Accepted.as(body.path("channel").asText(reply.destination()) + ":" + body.path("ts").asText(""));
    }
}
