package dev.hermes.tests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Posts to the SMS and chat webhooks of a running Hermes, signed as each provider signs. */
final class ChannelClient {
    static final String TWILIO = "/webhooks/sms/twilio";
    static final String SLACK = "/webhooks/chat/slack";
    static final String CHAT = "/webhooks/chat";
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String twilioUrl;
    private final String twilioToken;
    private final String slackSecret;
    private final String chatSecret;

    ChannelClient(String url, String twilioUrl, String twilioToken, String slackSecret, String chatSecret) {
        this.url = url;
        this.twilioUrl = twilioUrl;
        this.twilioToken = twilioToken;
        this.slackSecret = slackSecret;
        this.chatSecret = chatSecret;
    }

    record Raw(int status, String body) {
    }

    static Map<String, String> sms(String sid, String from, String to, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", sid);
        p.put("SmsSid", sid);
        p.put("AccountSid", "AC" + "0".repeat(32));
        p.put("From", from);
        p.put("To", to);
        p.put("Body", body);
        p.put("NumMedia", "0");
        p.put("NumSegments", "1");
        return p;
    }

    static String newSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    static byte[] form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
    }

    Raw twilio(Map<String, String> params) {
        return twilio(params, ProviderSigning.twilio(twilioToken, twilioUrl, params));
    }

    Raw twilio(Map<String, String> params, String signature) {
        return post(TWILIO, "application/x-www-form-urlencoded", Map.of("X-Twilio-Signature", signature), form(params));
    }

    String twilioSignature(Map<String, String> params) {
        return ProviderSigning.twilio(twilioToken, twilioUrl, params);
    }

    Raw slack(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String ts = ProviderSigning.nowSeconds();
        return slack(body, ts, ProviderSigning.slack(slackSecret, ts, body), Map.of());
    }

    Raw slack(byte[] body, String ts, String signature, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("X-Slack-Request-Timestamp", ts);
        headers.put("X-Slack-Signature", signature);
        return post(SLACK, "application/json", headers, body);
    }

    String slackSignature(String ts, byte[] body) {
        return ProviderSigning.slack(slackSecret, ts, body);
    }

    Raw chat(String id, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String ts = ProviderSigning.nowSeconds();
        return chat(id, ts, ProviderSigning.standardWebhook(chatSecret, id, ts, body), body);
    }

    Raw chat(String id, String ts, String signatures, byte[] body) {
        return post(CHAT, "application/json",
                Map.of("webhook-id", id, "webhook-timestamp", ts, "webhook-signature", signatures), body);
    }

    String chatSignature(String id, String ts, byte[] body) {
        return ProviderSigning.standardWebhook(chatSecret, id, ts, body);
    }

    Raw post(String path, String contentType, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Raw(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
