package dev.hermes.orchestrator.reply.sms;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * SMS replies through Twilio: {@code POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json},
 * form-encoded {@code To}, {@code From}, {@code Body}, HTTP basic auth (account SID, auth token);
 * the answer's {@code sid} is the provider id.
 */
@Singleton
@Requires(property = "hermes.reply.twilio.base-url")
public class TwilioReplySender implements ReplySender {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private final TwilioReplyConfig config;
    private final ReplyCredentials credentials;
    private final ProviderHttp http;
    private final URI endpoint;

    public TwilioReplySender(TwilioReplyConfig config, ReplyCredentials credentials) {
        this.config = config;
        this.credentials = credentials;
        this.http = new ProviderHttp("Twilio", config.connectTimeout(), config.requestTimeout());
        this.endpoint = URI.create(config.baseUrl() + "/2010-04-01/Accounts/" + config.accountSid() + "/Messages.json");
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return config.retryPolicy();
    }

    @Override
    public Accepted send(Reply reply) {
        String from = reply.attribute(ReplyAttributes.FROM) != null ? reply.attribute(ReplyAttributes.FROM) : config.fromNumber();
        if (!E164.matcher(reply.destination()).matches() || from == null || !E164.matcher(from).matches()) {
            throw ReplyFailedException.permanent("an SMS reply needs E.164 To and From numbers");
        }
        String form = "To=" + enc(reply.destination()) + "&From=" + enc(from) + "&Body=" + enc(reply.text());
        String basic = Base64.getEncoder().encodeToString((config.accountSid() + ":"
                + credentials.secret(ReplySecret.TWILIO_AUTH_TOKEN)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
        JsonNode body = ProviderHttp.json(response.body());
        if (response.statusCode() / 100 != 2) {
            // Twilio's errors are {"code": 21211, "message": "...", "more_info": ..., "status": 400}.
            throw http.failure(response, body.path("code").asText("") + " " + body.path("message").asText(ProviderHttp.snippet(response.body())));
        }
        String sid = body.path("sid").asText("");
        if (sid.isEmpty()) {
            throw ReplyFailedException.retryable("Twilio answered " + response.statusCode() + " without a message sid");
        }
        return Accepted.as(sid);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
