package dev.hermes.orchestrator.reply.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * SES v2 {@code SendEmail} over its REST-JSON protocol: {@code POST /v2/email/outbound-emails},
 * SigV4-signed for service {@code ses}, {@code {"Content": {"Raw": {"Data": base64}}}}; answers
 * {@code {"MessageId": …}}, or an error typed by {@code x-amzn-ErrorType}.
 */
public final class SesStandIn extends StandIn {
    private static final Pattern SIGV4 = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=[^/]+/\\d{8}/[a-z0-9-]+/ses/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}");

    public static Answer error(int status, String type, String message) {
        return new Answer(status, "application/json", "{\"message\":\"" + message + "\"}",
                Map.of("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazonaws.sesv2/"));
    }

    @Override
    protected Answer answer(Request r) {
        if (!r.method().equals("POST") || !r.path().equals("/v2/email/outbound-emails")) {
            return error(404, "NotFoundException", "no such resource");
        }
        String auth = r.header("Authorization");
        if (auth == null || !SIGV4.matcher(auth).matches() || r.header("X-Amz-Date") == null) {
            return error(403, "UnrecognizedClientException", "missing or malformed SigV4 authorization");
        }
        JsonNode body = SlackStandIn.json(r);
        if (body == null || !body.path("Content").path("Raw").path("Data").isTextual()) {
            return error(400, "BadRequestException", "Content.Raw.Data is required");
        }
        return Answer.json(200, "{\"MessageId\":\"0100018c-" + UUID.randomUUID() + "-000000\"}");
    }

    /** The raw MIME of a received SendEmail request. */
    public static byte[] rawMime(Request r) {
        return Base64.getDecoder().decode(SlackStandIn.json(r).path("Content").path("Raw").path("Data").asText());
    }
}
