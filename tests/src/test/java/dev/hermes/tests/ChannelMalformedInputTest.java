package dev.hermes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.local.LocalHermes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the SMS and chat webhooks: truncated, wrongly typed, huge, not JSON or not a form,
 * not UTF-8. Every request is answered 4xx and no command row appears. Where a request is correctly
 * signed the rejection is the parser's, not the signature check's.
 */
class ChannelMalformedInputTest {
    private static final byte[] INVALID_UTF8 = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    @TempDir
    static Path root;
    static LocalHermes hermes;
    static ChannelClient channels;
    private int rowsBefore;

    @BeforeAll
    static void start() throws Exception {
        hermes = ChannelWebhooksTest.startHermes(root);
        channels = ChannelWebhooksTest.channelClient(hermes);
    }

    @AfterAll
    static void stop() throws Exception {
        if (hermes != null) {
            hermes.close();
        }
    }

    @BeforeEach
    void countRows() {
        rowsBefore = ChannelWebhooksTest.commandRows(hermes);
    }

    @AfterEach
    void noCommandWasWritten() {
        assertEquals(rowsBefore, ChannelWebhooksTest.commandRows(hermes), "a rejected request writes nothing");
    }

    static void assert4xx(ChannelClient.Raw r, String what) {
        assertTrue(r.status() >= 400 && r.status() < 500, what + " -> " + r.status() + " " + r.body());
    }

    /**
     * A header over the server's limit is refused either with a 4xx or, when the server drops the
     * connection before the client has read its answer, with no answer at all; never a 5xx.
     */
    static void assertRefused(Supplier<ChannelClient.Raw> request, String what) {
        ChannelClient.Raw r;
        try {
            r = request.get();
        } catch (IllegalStateException e) {
            assertTrue(e.getCause() instanceof java.io.IOException, what + " failed otherwise: " + e);
            return;
        }
        assert4xx(r, what);
    }

    static void assert400(ChannelClient.Raw r, String what) {
        assertEquals(400, r.status(), what + " -> " + r.body());
    }

    // --- Twilio ---

    private ChannelClient.Raw signedForm(String raw) {
        // Signed over what Twilio would have meant; the parser rejects the bytes first.
        Map<String, String> params = ChannelClient.sms(ChannelClient.newSid(), ChannelWebhooksTest.ALICE_PHONE,
                LocalHermes.SMS_NUMBER, "x");
        return channels.post(ChannelClient.TWILIO, "application/x-www-form-urlencoded",
                Map.of("X-Twilio-Signature", channels.twilioSignature(params)), raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void twilioRejectsMalformedForms() {
        String sid = ChannelClient.newSid();
        String good = new String(ChannelClient.form(ChannelClient.sms(sid, ChannelWebhooksTest.ALICE_PHONE,
                LocalHermes.SMS_NUMBER, "Add a file")), StandardCharsets.UTF_8);
        assert400(signedForm(good.substring(0, good.length() - 4) + "%2"), "truncated escape");
        assert400(signedForm(""), "empty body");
        assert400(signedForm("MessageSid"), "field without '='");
        assert400(signedForm("a=b&&c=d"), "empty field");
        assert400(signedForm("=x&" + good), "field without a name");
        assert400(signedForm(good.replace("Body=Add", "Body=%C3%28Add")), "percent-encoded invalid UTF-8");
        assert400(signedForm(good.replace("Body=Add", "Body=\u00e9Add")), "raw non-ASCII byte");
    }

    @Test
    void twilioRejectsBadFieldsWhenSignedCorrectly() {
        assert400(channels.twilio(with("From", "5550100001")), "From not E.164");
        assert400(channels.twilio(with("To", "hermes")), "To not E.164");
        assert400(channels.twilio(with("MessageSid", "nope")), "bad MessageSid");
        assert400(channels.twilio(with("NumMedia", "many")), "NumMedia not a number");
        assert400(channels.twilio(with("NumMedia", "1000")), "NumMedia too large");
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> params = ChannelClient.sms(ChannelClient.newSid(), ChannelWebhooksTest.ALICE_PHONE,
                LocalHermes.SMS_NUMBER, "Add a file");
        params.put(name, value);
        return params;
    }

    @Test
    void twilioRejectsMissingFieldsWhenSignedCorrectly() {
        Map<String, String> params = new LinkedHashMap<>(ChannelClient.sms(ChannelClient.newSid(),
                ChannelWebhooksTest.ALICE_PHONE, LocalHermes.SMS_NUMBER, "Add a file"));
        params.remove("From");
        assert400(channels.twilio(params), "no From");
        Map<String, String> empty = ChannelClient.sms(ChannelClient.newSid(), ChannelWebhooksTest.ALICE_PHONE,
                LocalHermes.SMS_NUMBER, "   ");
        assert4xx(channels.twilio(empty), "no text and no media");
    }

    @Test
    void twilioRejectsWrongContentTypesAndHugeInput() {
        byte[] good = ChannelClient.form(ChannelClient.sms(ChannelClient.newSid(), ChannelWebhooksTest.ALICE_PHONE,
                LocalHermes.SMS_NUMBER, "Add a file"));
        assert4xx(channels.post(ChannelClient.TWILIO, "application/json", Map.of("X-Twilio-Signature", "x"), good), "json type");
        assert4xx(channels.post(ChannelClient.TWILIO, "text/plain", Map.of("X-Twilio-Signature", "x"), good), "text type");
        assert4xx(channels.post(ChannelClient.TWILIO, null, Map.of("X-Twilio-Signature", "x"), good), "no type");
        assertRefused(() -> channels.post(ChannelClient.TWILIO, "application/x-www-form-urlencoded",
                Map.of("X-Twilio-Signature", "x".repeat(64 * 1024)), good), "huge header");
        assertRefused(() -> channels.post(ChannelClient.TWILIO, "application/x-www-form-urlencoded",
                Map.of("X-Twilio-Signature", "x"), huge()), "huge body");
    }

    // --- Slack ---

    private ChannelClient.Raw signedSlack(byte[] body) {
        String ts = ProviderSigning.nowSeconds();
        return channels.slack(body, ts, channels.slackSignature(ts, body), Map.of());
    }

    @Test
    void slackRejectsMalformedJsonEvenWhenSigned() {
        String good = ChannelWebhooksTest.slackMessage("Ev0MALFORMED1", ChannelWebhooksTest.ALICE_SLACK, "C0DEV",
                "1700000100.000100", null, "Add a file");
        assert400(signedSlack(good.substring(0, good.length() / 2).getBytes(StandardCharsets.UTF_8)), "truncated");
        assert400(signedSlack(new byte[0]), "empty");
        assert400(signedSlack("[1,2,3]".getBytes(StandardCharsets.UTF_8)), "not an object");
        assert400(signedSlack((good + "{}").getBytes(StandardCharsets.UTF_8)), "trailing tokens");
        assert400(signedSlack(INVALID_UTF8), "invalid UTF-8");
        assert400(signedSlack("{\"type\":\"event_callback\"}".getBytes(StandardCharsets.UTF_8)), "no event");
        assert400(signedSlack(good.replace("\"user\":\"U0ALICE\"", "\"user\":42").getBytes(StandardCharsets.UTF_8)), "user not a string");
        assert400(signedSlack(good.replace("1700000100.000100", "yesterday").getBytes(StandardCharsets.UTF_8)), "bad ts");
        assert400(signedSlack(good.replace("\"channel\":\"C0DEV\"", "\"channel\":\"../etc\"").getBytes(StandardCharsets.UTF_8)), "bad channel");
        assert400(signedSlack("{\"type\":\"url_verification\"}".getBytes(StandardCharsets.UTF_8)), "no challenge");
    }

    @Test
    void slackRejectsWrongContentTypesAndHugeInput() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String ts = ProviderSigning.nowSeconds();
        Map<String, String> signed = Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", channels.slackSignature(ts, body));
        assert4xx(channels.post(ChannelClient.SLACK, "application/x-www-form-urlencoded", signed, body), "form type");
        assert4xx(channels.post(ChannelClient.SLACK, "text/plain", signed, body), "text type");
        assert4xx(channels.post(ChannelClient.SLACK, null, signed, body), "no type");
        assertRefused(() -> channels.slack(body, ts, "v0=" + "a".repeat(64 * 1024), Map.of()), "huge header");
        assert4xx(channels.slack(body, "not-a-number", channels.slackSignature("not-a-number", body), Map.of()), "bad timestamp");
        byte[] big = huge();
        assertRefused(() -> channels.slack(big, ts, channels.slackSignature(ts, big), Map.of()), "huge body");
    }

    // --- Standard Webhooks chat ---

    private ChannelClient.Raw signedChat(byte[] body) {
        String id = "msg_" + UUID.randomUUID();
        String ts = ProviderSigning.nowSeconds();
        return channels.chat(id, ts, channels.chatSignature(id, ts, body), body);
    }

    @Test
    void chatRejectsMalformedJsonEvenWhenSigned() {
        String good = ChannelWebhooksTest.chatMessage("conv-bad", "alice", "Add a file");
        assert400(signedChat(good.substring(0, good.length() - 3).getBytes(StandardCharsets.UTF_8)), "truncated");
        assert400(signedChat(new byte[0]), "empty");
        assert400(signedChat("\"text\"".getBytes(StandardCharsets.UTF_8)), "not an object");
        assert400(signedChat(INVALID_UTF8), "invalid UTF-8");
        assert400(signedChat("{\"conversationId\":\"c\",\"user\":\"alice\"}".getBytes(StandardCharsets.UTF_8)), "no text");
        assert400(signedChat(good.replace("\"user\":\"alice\"", "\"user\":\"al ice\"").getBytes(StandardCharsets.UTF_8)), "bad user");
        assert400(signedChat(good.replace("\"text\":\"Add a file\"", "\"text\":[\"Add\"]").getBytes(StandardCharsets.UTF_8)), "text not a string");
        assert400(signedChat(good.replace("http://127.0.0.1:9/reply", "javascript:alert(1)").getBytes(StandardCharsets.UTF_8)), "bad callback");
        assert400(signedChat(good.replace("conv-bad", "conv bad").getBytes(StandardCharsets.UTF_8)), "bad conversation id");
    }

    @Test
    void chatRejectsWrongContentTypesAndHugeInput() {
        byte[] body = ChannelWebhooksTest.chatMessage("conv-bad", "alice", "Add a file").getBytes(StandardCharsets.UTF_8);
        String id = "msg_" + UUID.randomUUID();
        String ts = ProviderSigning.nowSeconds();
        Map<String, String> signed = Map.of("webhook-id", id, "webhook-timestamp", ts,
                "webhook-signature", channels.chatSignature(id, ts, body));
        assert4xx(channels.post(ChannelClient.CHAT, "text/plain", signed, body), "text type");
        assert4xx(channels.post(ChannelClient.CHAT, "application/xml", signed, body), "xml type");
        assert4xx(channels.post(ChannelClient.CHAT, null, signed, body), "no type");
        assertRefused(() -> channels.chat(id, ts, "v1," + "A".repeat(64 * 1024), body), "huge header");
        assert4xx(channels.chat("x".repeat(300), ts, channels.chatSignature("x".repeat(300), ts, body), body), "long id");
        byte[] big = huge();
        assertRefused(() -> channels.chat(id, ts, channels.chatSignature(id, ts, big), big), "huge body");
    }

    /** More than micronaut.server.max-request-size (10 MiB). */
    private static byte[] huge() {
        byte[] big = new byte[11 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        return big;
    }
}
