package dev.hermes.orchestrator.cli;

import dev.hermes.orchestrator.inbound.Hmac;
import dev.hermes.protocol.id.CommandId;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What {@code ./hermes send sms|chat} posts: a Twilio incoming-message webhook and a Standard
 * Webhooks chat message, signed with the local instance's secrets exactly as those senders sign.
 */
final class ChannelRequests {
    /** A request and the id of the command it will become. */
    record Signed(HttpRequest request, CommandId commandId) {
    }

    private ChannelRequests() {
    }

    static Signed sms(Properties instance, String from, String body) {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("AccountSid", "AC" + "0".repeat(32));
        params.put("From", from);
        params.put("To", instance.getProperty("smsNumber"));
        params.put("Body", body);
        params.put("NumMedia", "0");
        String url = instance.getProperty("twilioUrl");
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> signed.append(k).append(v));
        String signature = Base64.getEncoder().encodeToString(Hmac.sha1(
                instance.getProperty("twilioAuthToken").getBytes(StandardCharsets.UTF_8),
                signed.toString().getBytes(StandardCharsets.UTF_8)));
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return new Signed(request, CommandId.of("sms", sid));
    }

    static Signed chat(Properties instance, String user, String conversation, String text) {
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("conversationId", conversation);
        payload.put("user", user);
        payload.put("text", text);
        byte[] body;
        try {
            body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String secret = instance.getProperty("chatSecret");
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        String signature = "v1," + Base64.getEncoder().encodeToString(Hmac.sha256(key, content));
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.getProperty("url") + "/webhooks/chat"))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return new Signed(request, CommandId.of("chat", id));
    }
}
