package dev.hermes.orchestrator.inbound.chat;

import dev.hermes.orchestrator.config.SlackConfig;
import dev.hermes.orchestrator.inbound.Hmac;
import dev.hermes.orchestrator.inbound.RejectedException;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Slack's signing secret check: {@code X-Slack-Signature} = {@code v0=} + hex(HMAC-SHA256(secret,
 * "v0:" + X-Slack-Request-Timestamp + ":" + raw body)), the timestamp within five minutes of now
 * (either way), so a captured request cannot be replayed later.
 */
@Singleton
public class SlackSignature {
    static final long WINDOW_SECONDS = 300;
    private final byte[] secret;
    private final Clock clock;

    public SlackSignature(SlackConfig config, Clock clock) {
        this.secret = config.signingSecret().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public void verify(String timestamp, String presented, byte[] body) {
        if (timestamp == null || presented == null) {
            throw new RejectedException(401, "missing_signature", "X-Slack-Signature or X-Slack-Request-Timestamp is missing");
        }
        long seconds = Timestamps.seconds(timestamp);
        Timestamps.requireFresh(seconds, clock, WINDOW_SECONDS);
        ByteArrayOutputStream base = new ByteArrayOutputStream(body.length + 32);
        base.writeBytes(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
        base.writeBytes(body);
        String expected = "v0=" + HexFormat.of().formatHex(Hmac.sha256(secret, base.toByteArray()));
        if (!Hmac.matches(expected, presented.strip())) {
            throw new RejectedException(401, "bad_signature", "X-Slack-Signature does not match the request");
        }
    }
}
