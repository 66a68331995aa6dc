package dev.hermes.orchestrator.reply.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Twilio's Messages API: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded
 * {@code To}, {@code From}, {@code Body}, HTTP basic auth with the account SID and auth token;
 * {@code 201} with the message resource as JSON, or Twilio's error JSON.
 */
public final class TwilioStandIn extends StandIn {
    public static final String ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
    public static final String AUTH_TOKEN = "twilio-test-auth-token-0123456789";

    @Override
    protected Answer answer(Request r) {
        if (!r.method().equals("POST") || !r.path().equals("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json")) {
            return Answer.json(404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(r.header("Authorization"))) {
            return Answer.json(401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
        }
        if (r.header("Content-Type") == null || !r.header("Content-Type").startsWith("application/x-www-form-urlencoded")) {
            return Answer.json(400, "{\"code\":21600,\"message\":\"form body expected\",\"status\":400}");
        }
        Map<String, String> form = form(r.text());
        if (!form.containsKey("To") || !form.containsKey("From") || !form.containsKey("Body")) {
            return Answer.json(400, "{\"code\":21604,\"message\":\"A 'To', 'From' and 'Body' are required\",\"status\":400}");
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        return Answer.json(201, "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + ACCOUNT_SID + "\",\"status\":\"queued\","
                + "\"num_segments\":\"1\",\"direction\":\"outbound-api\"}");
    }

    public static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
