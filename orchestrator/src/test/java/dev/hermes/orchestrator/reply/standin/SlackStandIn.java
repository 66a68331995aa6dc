package dev.hermes.orchestrator.reply.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack's {@code chat.postMessage}: {@code POST /api/chat.postMessage}, bearer bot token, JSON body;
 * always HTTP 200 with {@code {"ok": true, "channel", "ts", "message"}} or {@code {"ok": false,
 * "error"}}, and 429 with Retry-After when rate limited.
 */
public final class SlackStandIn extends StandIn {
    public static final String BOT_TOKEN = "xoxb-1234-5678-testtoken";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicLong ts = new AtomicLong(1_700_000_000_000L);

    public static Answer refused(String error) {
        return Answer.json(200, "{\"ok\":false,\"error\":\"" + error + "\"}");
    }

    public static Answer rateLimited(int seconds) {
        return new Answer(429, "application/json", "{\"ok\":false,\"error\":\"ratelimited\"}",
                Map.of("Retry-After", Integer.toString(seconds)));
    }

    @Override
    protected Answer answer(Request r) {
        if (!r.method().equals("POST") || !r.path().equals("/api/chat.postMessage")) {
            return refused("unknown_method");
        }
        if (!("Bearer " + BOT_TOKEN).equals(r.header("Authorization"))) {
            return refused("invalid_auth");
        }
        JsonNode body = json(r);
        if (body == null || !body.path("channel").isTextual()) {
            return refused("channel_not_found");
        }
        if (!body.path("text").isTextual() || body.path("text").asText().isEmpty()) {
            return refused("no_text");
        }
        long n = ts.incrementAndGet();
        String messageTs = (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
        return Answer.json(200, "{\"ok\":true,\"channel\":\"" + body.get("channel").asText() + "\",\"ts\":\"" + messageTs
                + "\",\"message\":{\"type\":\"message\",\"ts\":\"" + messageTs + "\"}}");
    }

    public static JsonNode json(Request r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            return null;
        }
    }
}
