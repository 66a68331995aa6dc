package dev.hermes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import dev.hermes.protocol.id.CommandId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The signatures of the SMS and chat webhooks, per provider, with vectors computed here from each
 * provider's documented algorithm: valid, wrong secret, tampered body, stale timestamp, replay.
 */
class ChannelWebhooksTest {
    static final String ALICE_PHONE = "+15550100001";
    static final String BOB_PHONE = "+15550100002";
    static final String TEAM = "T0HERMES";
    static final String ALICE_SLACK = "U0ALICE";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path root;
    static LocalHermes hermes;
    static ChannelClient channels;
    static HermesClient api;

    @BeforeAll
    static void start() throws Exception {
        hermes = startHermes(root);
        channels = channelClient(hermes);
        api = new HermesClient(hermes.url(), hermes.property("mimeSecret"), hermes.property("apiToken"));
    }

    static LocalHermes startHermes(Path root) throws Exception {
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        return LocalHermes.start(LocalOptions.forTests(root, repo.resolve("examples/local.yml"),
                repo.resolve("worker/target/hermes-worker.jar"), 3));
    }

    static ChannelClient channelClient(LocalHermes hermes) {
        return new ChannelClient(hermes.url(), hermes.property("twilioUrl"), hermes.property("twilioAuthToken"),
                hermes.property("slackSigningSecret"), hermes.property("chatSecret"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hermes != null) {
            hermes.close();
        }
    }

    static int commandRows(LocalHermes hermes) {
        String table = hermes.context().getBean(TablesConfig.class).names().commands();
        return hermes.context().getBean(DynamoDbClient.class).scan(b -> b.tableName(table).select("COUNT")).count();
    }

    boolean commandExists(String channel, String eventId) {
        return api.get("/api/commands/" + CommandId.of(channel, eventId).value()).status() == 200;
    }

    static String slackMessage(String eventId, String user, String channel, String ts, String threadTs, String text) {
        return "{\"token\":\"x\",\"team_id\":\"" + TEAM + "\",\"api_app_id\":\"A0HERMES\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,\"event\":{\"type\":\"message\","
                + "\"user\":\"" + user + "\",\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\","
                + (threadTs == null ? "" : "\"thread_ts\":\"" + threadTs + "\",")
                + "\"team\":\"" + TEAM + "\",\"text\":" + quote(text) + "}}";
    }

    static String chatMessage(String conversation, String user, String text) {
        return "{\"conversationId\":\"" + conversation + "\",\"user\":\"" + user + "\",\"text\":" + quote(text)
                + ",\"callbackUrl\":\"http://127.0.0.1:9/reply\"}";
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String eventId() {
        return "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    // --- Twilio ---

    @Test
    void twilioValidSignatureIsOneCommandAndAnEmptyTwiml() {
        String sid = ChannelClient.newSid();
        ChannelClient.Raw r = channels.twilio(ChannelClient.sms(sid, ALICE_PHONE, LocalHermes.SMS_NUMBER, "Add a CONTRIBUTING file"));
        assertEquals(200, r.status(), r.body());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", r.body());
        assertTrue(commandExists("sms", sid));
    }

    @Test
    void twilioWrongTokenTamperedBodyOrAnotherUrlIs401() {
        String sid = ChannelClient.newSid();
        Map<String, String> params = ChannelClient.sms(sid, ALICE_PHONE, LocalHermes.SMS_NUMBER, "Do a thing");
        String wrongToken = ProviderSigning.twilio("0123456789abcdef0123456789abcdef", hermes.property("twilioUrl"), params);
        assertEquals(401, channels.twilio(params, wrongToken).status());
        // Signed for the URL as a proxy might rebuild it from Host: not the configured one.
        String otherUrl = ProviderSigning.twilio(hermes.property("twilioAuthToken"),
                hermes.url().replace("127.0.0.1", "localhost") + ChannelClient.TWILIO, params);
        assertEquals(401, channels.twilio(params, otherUrl).status());
        String signed = channels.twilioSignature(params);
        params.put("Body", "Do another thing");
        assertEquals(401, channels.twilio(params, signed).status());
        assertEquals(401, channels.post(ChannelClient.TWILIO, "application/x-www-form-urlencoded", Map.of(),
                ChannelClient.form(params)).status());
        assertTrue(!commandExists("sms", sid));
    }

    @Test
    void twilioReplayOfAKnownMessageSidIsOneCommand() {
        String sid = ChannelClient.newSid();
        Map<String, String> params = ChannelClient.sms(sid, ALICE_PHONE, LocalHermes.SMS_NUMBER, "Add a changelog");
        assertEquals(200, channels.twilio(params).status());
        int rows = commandRows(hermes);
        ChannelClient.Raw again = channels.twilio(params);
        assertEquals(200, again.status());
        assertTrue(again.body().contains("<Response></Response>"));
        assertEquals(rows, commandRows(hermes));
    }

    @Test
    void twilioUnknownSenderIs403() {
        String sid = ChannelClient.newSid();
        ChannelClient.Raw r = channels.twilio(ChannelClient.sms(sid, "+15550199999", LocalHermes.SMS_NUMBER, "hi"));
        assertEquals(403, r.status(), r.body());
        assertTrue(r.body().contains("unknown_sender"));
        assertTrue(!commandExists("sms", sid));
    }

    @Test
    void smsPairKeepsOneThreadUntilTheUserAsksForANewOne() {
        String first = ChannelClient.newSid();
        assertEquals(200, channels.twilio(ChannelClient.sms(first, BOB_PHONE, LocalHermes.SMS_NUMBER, "#new Start a todo list")).status());
        String thread = threadOf("sms", first);
        String second = ChannelClient.newSid();
        assertEquals(200, channels.twilio(ChannelClient.sms(second, BOB_PHONE, LocalHermes.SMS_NUMBER, "Add milk")).status());
        assertEquals(thread, threadOf("sms", second));
        String third = ChannelClient.newSid();
        assertEquals(200, channels.twilio(ChannelClient.sms(third, BOB_PHONE, LocalHermes.SMS_NUMBER, "new: Plan a trip")).status());
        String newer = threadOf("sms", third);
        assertNotEquals(thread, newer);
        String fourth = ChannelClient.newSid();
        assertEquals(200, channels.twilio(ChannelClient.sms(fourth, BOB_PHONE, LocalHermes.SMS_NUMBER, "Book a train")).status());
        assertEquals(newer, threadOf("sms", fourth), "the pair follows its newest thread");
    }

    // --- First messages of one conversation racing each other ---

    @Test
    void firstMessagesOfOneConversationPostedInParallelShareOneThread() throws Exception {
        String otherNumber = "+15550100777"; // a pair that has never written before
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sids.add(ChannelClient.newSid());
        }
        inParallel(sids.stream().map(sid -> (Callable<Integer>) () ->
                channels.twilio(ChannelClient.sms(sid, ALICE_PHONE, otherNumber, "Race " + sid)).status()).toList(), 200);
        assertEquals(1, sids.stream().map(sid -> threadOf("sms", sid)).distinct().count(), "one thread per SMS pair");

        String rootTs = "1700000777.000100";
        List<String> events = new ArrayList<>();
        List<Callable<Integer>> slack = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String event = eventId();
            events.add(event);
            String ts = i == 0 ? rootTs : "1700000777.00020" + i;
            slack.add(() -> channels.slack(slackMessage(event, ALICE_SLACK, "C0RACE", ts, ts.equals(rootTs) ? null : rootTs,
                    "Race in Slack")).status());
        }
        inParallel(slack, 200);
        assertEquals(1, events.stream().map(e -> threadOf("slack", e)).distinct().count(), "one thread per Slack thread");

        List<String> ids = new ArrayList<>();
        List<Callable<Integer>> chat = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = "msg_" + UUID.randomUUID();
            ids.add(id);
            chat.add(() -> channels.chat(id, chatMessage("race-conversation", "alice", "Race in chat")).status());
        }
        inParallel(chat, 202);
        assertEquals(1, ids.stream().map(id -> threadOf("chat", id)).distinct().count(), "one thread per conversation");
    }

    private static void inParallel(List<Callable<Integer>> requests, int expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            for (Future<Integer> f : pool.invokeAll(requests)) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    String threadOf(String channel, String eventId) {
        HermesClient.Response r = api.get("/api/commands/" + CommandId.of(channel, eventId).value());
        assertEquals(200, r.status(), String.valueOf(r.body()));
        return r.body().get("threadId").asText();
    }

    // --- Slack ---

    @Test
    void slackUrlVerificationEchoesTheChallenge() throws Exception {
        ChannelClient.Raw r = channels.slack("{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", JSON.readTree(r.body()).get("challenge").asText());
    }

    @Test
    void slackValidSignatureIsOneCommandAndARetryIsAcknowledgedOnce() throws Exception {
        String id = eventId();
        byte[] body = slackMessage(id, ALICE_SLACK, "C0DEV", "1700000001.000100", null, "Add a Makefile")
                .getBytes(StandardCharsets.UTF_8);
        String ts = ProviderSigning.nowSeconds();
        ChannelClient.Raw r = channels.slack(body, ts, channels.slackSignature(ts, body), Map.of());
        assertEquals(200, r.status(), r.body());
        assertEquals("accepted", JSON.readTree(r.body()).get("status").asText());
        int rows = commandRows(hermes);
        String later = ProviderSigning.nowSeconds();
        ChannelClient.Raw retry = channels.slack(body, later, channels.slackSignature(later, body),
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
        assertEquals(200, retry.status(), retry.body());
        assertEquals("duplicate", JSON.readTree(retry.body()).get("status").asText());
        assertEquals(rows, commandRows(hermes));
    }

    @Test
    void slackWrongSecretTamperedBodyAndStaleOrFutureTimestampsAre401() {
        String id = eventId();
        byte[] body = slackMessage(id, ALICE_SLACK, "C0DEV", "1700000002.000100", null, "Do it").getBytes(StandardCharsets.UTF_8);
        String ts = ProviderSigning.nowSeconds();
        assertEquals(401, channels.slack(body, ts, ProviderSigning.slack("not-the-signing-secret-at-all", ts, body), Map.of()).status());
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("Do it", "Do it all").getBytes(StandardCharsets.UTF_8);
        assertEquals(401, channels.slack(tampered, ts, channels.slackSignature(ts, body), Map.of()).status());
        String stale = Long.toString(System.currentTimeMillis() / 1000 - 6 * 60);
        assertEquals(401, channels.slack(body, stale, channels.slackSignature(stale, body), Map.of()).status());
        String future = Long.toString(System.currentTimeMillis() / 1000 + 6 * 60);
        assertEquals(401, channels.slack(body, future, channels.slackSignature(future, body), Map.of()).status());
        assertEquals(401, channels.post(ChannelClient.SLACK, "application/json", Map.of(), body).status());
        assertTrue(!commandExists("slack", id));
    }

    @Test
    void slackBotEditsAndSelfMessagesAreAcknowledgedAndIgnored() throws Exception {
        int rows = commandRows(hermes);
        String bot = "{\"type\":\"event_callback\",\"team_id\":\"T0HERMES\",\"event_id\":\"" + eventId() + "\",\"event\":"
                + "{\"type\":\"message\",\"subtype\":\"bot_message\",\"bot_id\":\"B0HERMES\",\"channel\":\"C0DEV\","
                + "\"ts\":\"1700000003.000100\",\"text\":\"Done [hermes:abcdefgh]\"}}";
        String self = slackMessage(eventId(), LocalHermes.SLACK_BOT_USER, "C0DEV", "1700000004.000100", null, "my own reply");
        String edit = "{\"type\":\"event_callback\",\"team_id\":\"T0HERMES\",\"event_id\":\"" + eventId() + "\",\"event\":"
                + "{\"type\":\"message\",\"subtype\":\"message_changed\",\"channel\":\"C0DEV\",\"ts\":\"1700000005.000100\","
                + "\"message\":{\"user\":\"U0ALICE\",\"text\":\"edited\"}}}";
        String botWithUser = "{\"type\":\"event_callback\",\"team_id\":\"T0HERMES\",\"event_id\":\"" + eventId() + "\",\"event\":"
                + "{\"type\":\"message\",\"user\":\"U0ALICE\",\"bot_id\":\"B0OTHER\",\"channel\":\"C0DEV\","
                + "\"ts\":\"1700000006.000100\",\"text\":\"posted by an app\"}}";
        for (String event : new String[] {bot, self, edit, botWithUser}) {
            ChannelClient.Raw r = channels.slack(event);
            assertEquals(200, r.status(), r.body());
            assertEquals("ignored", JSON.readTree(r.body()).get("status").asText(), event);
        }
        assertEquals(rows, commandRows(hermes));
    }

    @Test
    void slackUnknownUserIs403() {
        String id = eventId();
        ChannelClient.Raw r = channels.slack(slackMessage(id, "U0MALLORY", "C0DEV", "1700000007.000100", null, "hi"));
        assertEquals(403, r.status(), r.body());
        assertTrue(!commandExists("slack", id));
    }

    // --- Standard Webhooks chat ---

    @Test
    void chatValidSignatureAmongSeveralIsAcceptedAndAReplayIsADuplicate() throws Exception {
        String id = "msg_" + UUID.randomUUID();
        byte[] body = chatMessage("conv-1", "alice", "Add a LICENSE").getBytes(StandardCharsets.UTF_8);
        String ts = ProviderSigning.nowSeconds();
        String signatures = ProviderSigning.standardWebhook("whsec_" + java.util.Base64.getEncoder()
                .encodeToString("an-old-rotated-secret-key".getBytes(StandardCharsets.UTF_8)), id, ts, body)
                + " " + channels.chatSignature(id, ts, body);
        ChannelClient.Raw r = channels.chat(id, ts, signatures, body);
        assertEquals(202, r.status(), r.body());
        int rows = commandRows(hermes);
        ChannelClient.Raw again = channels.chat(id, new String(body, StandardCharsets.UTF_8));
        assertEquals(200, again.status(), again.body());
        JsonNode dup = JSON.readTree(again.body());
        assertEquals("duplicate", dup.get("status").asText());
        assertEquals(JSON.readTree(r.body()).get("commandId"), dup.get("commandId"));
        assertEquals(rows, commandRows(hermes));
    }

    @Test
    void chatWrongSecretTamperedBodyAndStaleTimestampAre401() {
        String id = "msg_" + UUID.randomUUID();
        byte[] body = chatMessage("conv-2", "alice", "Do it").getBytes(StandardCharsets.UTF_8);
        String ts = ProviderSigning.nowSeconds();
        String wrong = ProviderSigning.standardWebhook("whsec_" + java.util.Base64.getEncoder()
                .encodeToString("definitely-not-the-secret".getBytes(StandardCharsets.UTF_8)), id, ts, body);
        assertEquals(401, channels.chat(id, ts, wrong, body).status());
        byte[] tampered = chatMessage("conv-2", "alice", "Do it all").getBytes(StandardCharsets.UTF_8);
        assertEquals(401, channels.chat(id, ts, channels.chatSignature(id, ts, body), tampered).status());
        String stale = Long.toString(System.currentTimeMillis() / 1000 - 6 * 60);
        assertEquals(401, channels.chat(id, stale, channels.chatSignature(id, stale, body), body).status());
        assertEquals(401, channels.chat(id, ts, "v2," + channels.chatSignature(id, ts, body).substring(3), body).status());
        assertEquals(401, channels.post(ChannelClient.CHAT, "application/json", Map.of("webhook-id", id), body).status());
        assertTrue(!commandExists("chat", id));
    }

    @Test
    void chatUnknownUserIs403() {
        String id = "msg_" + UUID.randomUUID();
        ChannelClient.Raw r = channels.chat(id, chatMessage("conv-3", "mallory", "hi"));
        assertEquals(403, r.status(), r.body());
        assertTrue(!commandExists("chat", id));
    }
}
