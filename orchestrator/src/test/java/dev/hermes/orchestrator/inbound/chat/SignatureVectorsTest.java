package dev.hermes.orchestrator.inbound.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hermes.orchestrator.config.ChatConfig;
import dev.hermes.orchestrator.config.SlackConfig;
import dev.hermes.orchestrator.inbound.RejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The vectors Slack and Standard Webhooks publish, verified at and around their timestamps. */
class SignatureVectorsTest {
    private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String SLACK_TS = "1531420618";
    private static final byte[] SLACK_BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
            + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(StandardCharsets.UTF_8);
    private static final String SLACK_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final String WH_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String WH_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String WH_TS = "1614265330";
    private static final byte[] WH_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String WH_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static Clock at(String seconds, long offset) {
        return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(seconds) + offset), ZoneOffset.UTC);
    }

    private static SlackSignature slack(long offset) {
        return new SlackSignature(new SlackConfig(SLACK_SECRET, "U0HERMESBOT"), at(SLACK_TS, offset));
    }

    private static StandardWebhookSignature chat(long offset) {
        return new StandardWebhookSignature(new ChatConfig(WH_SECRET), at(WH_TS, offset));
    }

    @Test
    void slacksPublishedExampleVerifiesWithinFiveMinutesEitherWay() {
        slack(0).verify(SLACK_TS, SLACK_SIGNATURE, SLACK_BODY);
        slack(300).verify(SLACK_TS, SLACK_SIGNATURE, SLACK_BODY);
        slack(-300).verify(SLACK_TS, SLACK_SIGNATURE, SLACK_BODY);
        assertEquals("stale_timestamp", code(() -> slack(301).verify(SLACK_TS, SLACK_SIGNATURE, SLACK_BODY)));
        assertEquals("stale_timestamp", code(() -> slack(-301).verify(SLACK_TS, SLACK_SIGNATURE, SLACK_BODY)));
        assertEquals("bad_signature", code(() -> slack(0).verify(SLACK_TS, SLACK_SIGNATURE.replace('a', 'b'), SLACK_BODY)));
        assertEquals("missing_signature", code(() -> slack(0).verify(null, SLACK_SIGNATURE, SLACK_BODY)));
        assertEquals("bad_timestamp", code(() -> slack(0).verify("1531420618.5", SLACK_SIGNATURE, SLACK_BODY)));
    }

    @Test
    void theStandardWebhooksTestVectorVerifiesAmongOtherSignatures() {
        chat(0).verify(WH_ID, WH_TS, WH_SIGNATURE, WH_BODY);
        chat(0).verify(WH_ID, WH_TS, "v1,bm9wZQ== " + WH_SIGNATURE, WH_BODY);
        assertEquals("bad_signature", code(() -> chat(0).verify(WH_ID, WH_TS, "v1,bm9wZQ==", WH_BODY)));
        assertEquals("bad_signature", code(() -> chat(0).verify(WH_ID + "x", WH_TS, WH_SIGNATURE, WH_BODY)));
        assertEquals("stale_timestamp", code(() -> chat(301).verify(WH_ID, WH_TS, WH_SIGNATURE, WH_BODY)));
        assertEquals("stale_timestamp", code(() -> chat(-301).verify(WH_ID, WH_TS, WH_SIGNATURE, WH_BODY)));
    }

    private static String code(Runnable r) {
        RejectedException e = assertThrows(RejectedException.class, r::run);
        assertEquals(401, e.status());
        return e.code();
    }
}
