package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import dev.hermes.orchestrator.reply.standin.ChatReceiverStandIn;
import dev.hermes.orchestrator.reply.standin.SlackStandIn;
import dev.hermes.orchestrator.reply.standin.StandIn;
import dev.hermes.orchestrator.reply.standin.TwilioStandIn;
import dev.hermes.protocol.id.CommandId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies on the channel a message came from, end to end with real workers: a local Hermes whose
 * Twilio and Slack base URLs point at stand-ins, and a chat whose callback is a receiver on
 * 127.0.0.1. The first message starts the worker, so its thread also gets "starting your workspace".
 */
class ChannelRepliesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path root;
    private static final TwilioStandIn TWILIO = new TwilioStandIn();
    private static final SlackStandIn SLACK = new SlackStandIn();
    private static final ChatReceiverStandIn CHAT = new ChatReceiverStandIn();
    private static LocalHermes hermes;
    private static HermesClient api;
    private static ChannelClient channels;

    @BeforeAll
    static void start() throws Exception {
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        hermes = LocalHermes.start(LocalOptions.forTests(root, repo.resolve("examples/local.yml"),
                repo.resolve("worker/target/hermes-worker.jar"), 3), Map.of(
                "hermes.reply.twilio.base-url", TWILIO.baseUrl(),
                "hermes.reply.twilio.account-sid", TwilioStandIn.ACCOUNT_SID,
                "hermes.reply.twilio.auth-token", TwilioStandIn.AUTH_TOKEN,
                "hermes.reply.slack.base-url", SLACK.baseUrl(),
                "hermes.reply.slack.bot-token", SlackStandIn.BOT_TOKEN));
        api = new HermesClient(hermes.url(), hermes.property("mimeSecret"), hermes.property("apiToken"));
        channels = ChannelWebhooksTest.channelClient(hermes);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (hermes != null) {
                hermes.close();
            }
        } finally {
            TWILIO.close();
            SLACK.close();
            CHAT.close();
        }
    }

    @Test
    void slackSmsAndChatRepliesReachTheirProvidersOnTheRightThread() throws Exception {
        // 1. Slack, the first message of this Hermes: a cold start, acknowledged, then the result, in the thread.
        String top = "1700002000.000100";
        String slackEvent = ChannelWebhooksTest.eventId();
        assertEquals(200, channels.slack(ChannelWebhooksTest.slackMessage(slackEvent, ChannelWebhooksTest.ALICE_SLACK,
                "C0REPLY", top, null, "Add a greeting")).status());
        JsonNode slackDone = awaitDone(CommandId.of("slack", slackEvent).value());
        String thread = slackDone.get("threadId").asText();
        String shortSha = slackDone.get("commitSha").asText().substring(0, 7);
        List<JsonNode> posted = await().atMost(DEADLINE).until(
                () -> SLACK.received().stream().map(SlackStandIn::json).toList(),
                l -> l.stream().anyMatch(m -> m.get("text").asText().contains(shortSha)));
        assertTrue(posted.get(0).get("text").asText().contains("Starting your workspace"), posted.get(0).toString());
        for (JsonNode m : posted) {
            assertEquals("C0REPLY", m.get("channel").asText());
            assertEquals(top, m.get("thread_ts").asText(), "in the Slack thread of the message");
        }
        assertEquals("SENT", awaitReply("r-" + CommandId.of("slack", slackEvent).value(), "SENT").get("status").asText());

        // 2. SMS naming the thread: answered to the phone, from Hermes's number, with the mention kept.
        String sid = ChannelClient.newSid();
        assertEquals(200, channels.twilio(ChannelClient.sms(sid, ChannelWebhooksTest.ALICE_PHONE, LocalHermes.SMS_NUMBER,
                "#" + thread + " also greet in French")).status());
        String smsSha = awaitDone(CommandId.of("sms", sid).value()).get("commitSha").asText().substring(0, 7);
        Map<String, String> text = await().atMost(DEADLINE).until(
                () -> TWILIO.received().stream().map(r -> TwilioStandIn.form(r.text()))
                        .filter(f -> f.get("Body").contains(smsSha)).findFirst().orElse(null), f -> f != null);
        assertEquals(ChannelWebhooksTest.ALICE_PHONE, text.get("To"));
        assertEquals(LocalHermes.SMS_NUMBER, text.get("From"));
        assertTrue(text.get("Body").startsWith("Done.") && text.get("Body").endsWith("#" + thread), text.get("Body"));

        // 3. The generic chat, with a callback: a signed POST the receiver can verify with the shared secret.
        String chatId = "msg_" + UUID.randomUUID();
        String callback = CHAT.callbackUrl("conv-replies");
        assertEquals(202, channels.chat(chatId, "{\"conversationId\":\"conv-replies\",\"user\":\"alice\",\"text\":"
                + ChannelWebhooksTest.quote("#" + thread + " and in German") + ",\"callbackUrl\":\"" + callback + "\"}").status());
        JsonNode chatDone = awaitDone(CommandId.of("chat", chatId).value());
        String replyId = "r-" + CommandId.of("chat", chatId).value();
        StandIn.Request hook = await().atMost(DEADLINE).until(() -> CHAT.received().stream()
                .filter(r -> replyId.equals(r.header("webhook-id"))).findFirst().orElse(null), r -> r != null);
        String expected = ProviderSigning.standardWebhook(hermes.property("chatSecret"), replyId,
                hook.header("webhook-timestamp"), hook.body());
        assertEquals(expected, hook.header("webhook-signature"));
        JsonNode data = JSON.readTree(hook.text()).get("data");
        assertEquals("conv-replies", data.get("conversationId").asText());
        assertEquals(thread, data.get("threadId").asText());
        assertEquals(chatDone.get("commitSha").asText(), data.get("commitSha").asText());
        awaitReply(replyId, "SENT");
        assertEquals(new String(hook.body(), StandardCharsets.UTF_8), hook.text());
    }

    private static JsonNode awaitDone(String commandId) {
        JsonNode done = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(
                () -> api.command(commandId),
                c -> List.of("SUCCEEDED", "FAILED", "TIMED_OUT").contains(c.path("status").asText()) && c.hasNonNull("replyId"));
        assertEquals("SUCCEEDED", done.get("status").asText(), done.toString());
        return done;
    }

    /** The reply as {@code GET /api/outbox} shows it, once it has the status. */
    private static JsonNode awaitReply(String replyId, String status) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
            String cursor = null;
            do {
                JsonNode page = api.get("/api/outbox?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).body();
                for (JsonNode r : page.get("replies")) {
                    if (replyId.equals(r.get("replyId").asText())) {
                        return r;
                    }
                }
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            } while (cursor != null);
            return null;
        }, r -> r != null && status.equals(r.get("status").asText()));
    }
}
