package dev.hermes.orchestrator.inbound.chat;

import dev.hermes.orchestrator.config.ChatConfig;
import dev.hermes.orchestrator.inbound.Hmac;
import dev.hermes.orchestrator.inbound.RejectedException;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The Standard Webhooks signature: {@code webhook-signature} lists {@code v1,<base64>} entries
 * separated by spaces, any of which may match base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}"));
 * the timestamp must be within five minutes of now.
 */
@Singleton
public class StandardWebhookSignature {
    static final long WINDOW_SECONDS = 300;
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final int MAX_SIGNATURES = 10;
    private final byte[] key;
    private final Clock clock;

    public StandardWebhookSignature(ChatConfig config, Clock clock) {
        this.key = config.key();
        this.clock = clock;
    }

    public void verify(String id, String timestamp, String signatures, byte[] body) {
        if (id == null || timestamp == null || signatures == null) {
            throw new RejectedException(401, "missing_signature",
                    "webhook-id, webhook-timestamp and webhook-signature are required");
        }
        if (!ID.matcher(id).matches()) {
            throw RejectedException.badRequest("bad_webhook_id", "webhook-id must be 1-200 printable ASCII characters");
        }
        long seconds = Timestamps.seconds(timestamp);
        Timestamps.requireFresh(seconds, clock, WINDOW_SECONDS);
        String expected = sign(key, id, timestamp, body).substring(3);
        boolean matched = false;
        String[] entries = signatures.strip().split(" +");
        for (int i = 0; i < Math.min(entries.length, MAX_SIGNATURES); i++) {
            String entry = entries[i];
            // Every entry is compared, so the time taken does not tell which one matched.
            if (entry.startsWith("v1,") && Hmac.matches(expected, entry.substring(3))) {
                matched = true;
            }
        }
        if (!matched) {
            throw new RejectedException(401, "bad_signature", "no webhook-signature entry matches the request");
        }
    }

    /** The {@code v1,<base64>} signature of a payload: what a sender puts in {@code webhook-signature}. */
    public static String sign(byte[] key, String id, String timestamp, byte[] body) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(body.length + 64);
        content.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        content.writeBytes(body);
        return "v1," + Base64.getEncoder().encodeToString(Hmac.sha256(key, content.toByteArray()));
    }
}
