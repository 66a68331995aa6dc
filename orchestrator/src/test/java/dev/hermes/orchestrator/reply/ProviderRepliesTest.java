package dev.hermes.orchestrator.reply;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.reply.standin.SlackStandIn;
import dev.hermes.orchestrator.reply.standin.StandIn;
import dev.hermes.orchestrator.reply.sms.TwilioReplySender;
import dev.hermes.orchestrator.reply.standin.TwilioStandIn;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.ReplyStatus;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each channel's reply through the production sender and real HTTP (or SMTP), received by a
 * stand-in that speaks the provider's wire format: where it went, how it was authenticated and
 * threaded, what the outbox recorded.
 */
class ProviderRepliesTest {
    static final Duration DEADLINE = Duration.ofSeconds(30);
    private static ReplyHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = ReplyHarness.start();
        harness.startContext(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @BeforeEach
    void clean() {
        for (StandIn s : List.of(harness.twilio, harness.slack, harness.chat)) {
            s.reset();
        }
    }

    static OutboxEntry awaitStatus(String replyId, ReplyStatus status) {
        OutboxStore outbox = harness.bean(OutboxStore.class);
        return await().atMost(DEADLINE).until(() -> outbox.find(replyId).orElse(null), e -> e != null && e.status() == status);
    }

    static List<StandIn.Request> awaitRequests(StandIn standIn, int count) {
        return await().atMost(DEADLINE).until(standIn::received, r -> r.size() >= count);
    }

    @Test
    void anSmsReplyGoesToThePhoneFromTheNumberItTexted() {
        CommandRecord c = harness.command(Channel.SMS, new ReplyRoute("+15550100001", "SM" + "1".repeat(32), List.of(),
                "Add a greeting", Map.of("from", "+15550100000")));
        harness.bean(ReplyService.class).replyTo(c, ReplyHarness.succeeded(c));

        StandIn.Request request = awaitRequests(harness.twilio, 1).get(0);
        Map<String, String> form = TwilioStandIn.form(request.text());
        assertEquals("+15550100001", form.get("To"));
        assertEquals("+15550100000", form.get("From"));
        assertTrue(form.get("Body").startsWith("Done. Added a greeting to the README."), form.get("Body"));
        assertTrue(form.get("Body").endsWith("#" + c.threadId().value()), form.get("Body"));
        OutboxEntry sent = awaitStatus(ReplyService.replyIdFor(c), ReplyStatus.SENT);
        assertTrue(sent.providerMessageId().matches("SM[0-9a-f]{32}"), sent.providerMessageId());
        assertEquals(1, sent.attempts());
        assertEquals(ReplyService.replyIdFor(c), harness.bean(CommandStore.class).find(c.commandId()).get().replyId());
    }

    @Test
    void aSlackReplyIsPostedInTheMessagesThread() {
        CommandRecord c = harness.command(Channel.SLACK, new ReplyRoute("C0DEV", "1700000001.000200", List.of(), "Docs",
                Map.of("team", "T0HERMES", "channel", "C0DEV", "thread_ts", "1700000001.000100")));
        harness.bean(ReplyService.class).replyTo(c, ReplyHarness.succeeded(c));

        StandIn.Request request = awaitRequests(harness.slack, 1).get(0);
        assertEquals("Bearer " + SlackStandIn.BOT_TOKEN, request.header("Authorization"));
        assertTrue(request.header("Content-Type").startsWith("application/json"));
        JsonNode body = SlackStandIn.json(request);
        assertEquals("C0DEV", body.get("channel").asText());
        assertEquals("1700000001.000100", body.get("thread_ts").asText());
        assertTrue(body.get("text").asText().startsWith("*Done.*"), body.toString());
        OutboxEntry sent = awaitStatus(ReplyService.replyIdFor(c), ReplyStatus.SENT);
        assertTrue(sent.providerMessageId().startsWith("C0DEV:17"), sent.providerMessageId());
    }

    @Test
    void aChatReplyIsPostedToTheCallbackWithAValidStandardWebhooksSignature() throws Exception {
        String callback = harness.chat.callbackUrl("support-42");
        CommandRecord c = harness.command(Channel.CHAT, new ReplyRoute(callback, "msg_1", List.of(), "Docs",
                Map.of("conversationId", "support-42", "callbackUrl", callback)));
        harness.bean(ReplyService.class).replyTo(c, ReplyHarness.succeeded(c));

        StandIn.Request request = awaitRequests(harness.chat, 1).get(0);
        String id = request.header("webhook-id");
        String ts = request.header("webhook-timestamp");
        assertEquals(ReplyService.replyIdFor(c), id, "the reply id, the same on every attempt");
        assertTrue(Math.abs(Long.parseLong(ts) - System.currentTimeMillis() / 1000) < 300, ts);
        // Computed here from the Standard Webhooks spec, not with Hermes's code.
        byte[] key = Base64.getDecoder().decode(ReplyHarness.CHAT_SECRET.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(request.body()));
        assertEquals(expected, request.header("webhook-signature"));
        JsonNode payload = SlackStandIn.json(request);
        assertEquals("hermes.reply", payload.get("type").asText());
        assertEquals("support-42", payload.at("/data/conversationId").asText());
        assertEquals(c.threadId().value(), payload.at("/data/threadId").asText());
        assertEquals("SUCCEEDED", payload.at("/data/status").asText());
        assertEquals("README.md", payload.at("/data/filesChanged/0").asText());
        awaitStatus(ReplyService.replyIdFor(c), ReplyStatus.SENT);
    }

    @Test
    void aChatWithoutCallbackIsHeldAndACallbackToAnotherLoopbackAddressIsRefused() {
        CommandRecord held = harness.command(Channel.CHAT, new ReplyRoute("alice", "msg_2", List.of(), "Docs",
                Map.of("conversationId", "c2")));
        harness.bean(ReplyService.class).replyTo(held, ReplyHarness.succeeded(held));
        assertEquals(ReplyStatus.HELD, harness.bean(OutboxStore.class).find(ReplyService.replyIdFor(held)).get().status());

        // Loopback, but not the allowed 127.0.0.1: refused before any connection, and not retried.
        String internal = "http://127.0.0.2:9/hook";
        CommandRecord refused = harness.command(Channel.CHAT, new ReplyRoute(internal, "msg_3", List.of(), "Docs",
                Map.of("conversationId", "c3", "callbackUrl", internal)));
        harness.bean(ReplyService.class).replyTo(refused, ReplyHarness.succeeded(refused));
        OutboxEntry failed = awaitStatus(ReplyService.replyIdFor(refused), ReplyStatus.FAILED);
        assertEquals(1, failed.attempts());
        assertTrue(failed.lastError().contains("internal address"), failed.lastError());
        assertTrue(harness.chat.received().isEmpty());
    }

    @Test
    void anEmailReplyArrivesOverImapThreadedWithPlainAndHtmlParts() throws Exception {
        CommandRecord c = harness.command(Channel.EMAIL, new ReplyRoute("carol@example.com", "<m2@example.com>",
                List.of("<m1@example.com>"), "Greeting"));
        harness.bean(ReplyService.class).replyTo(c, ReplyHarness.succeeded(c));

        MimeMessage reply = await().atMost(DEADLINE).until(() -> imapInbox("carol@example.com"), l -> !l.isEmpty()).get(0);
        String messageId = "<" + ReplyService.replyIdFor(c) + "@hermes.localhost>";
        assertEquals(messageId, reply.getHeader("Message-ID", null));
        assertEquals("<m2@example.com>", reply.getHeader("In-Reply-To", null));
        assertEquals("<m1@example.com> <m2@example.com>", reply.getHeader("References", " "));
        assertEquals("hermes+" + c.threadId().value() + "@hermes.localhost", ((InternetAddress) reply.getReplyTo()[0]).getAddress());
        assertEquals("Re: Greeting", reply.getSubject());
        assertTrue(reply.isMimeType("multipart/alternative"), reply.getContentType());
        Multipart parts = (Multipart) reply.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        String token = "[hermes:" + c.threadId().value() + "]";
        assertTrue(((String) parts.getBodyPart(0).getContent()).contains(token));
        assertTrue(((String) parts.getBodyPart(1).getContent()).contains(token));
        assertEquals(c.threadId(), harness.bean(dev.hermes.orchestrator.thread.ThreadStore.class)
                .lookup(List.of(messageId)).get(messageId), "the reply's Message-ID leads back to the thread");
        awaitStatus(ReplyService.replyIdFor(c), ReplyStatus.SENT);
    }

    @Test
    void aResultDeliveredTwiceIsRepliedToOnce() {
        CommandRecord c = harness.command(Channel.SMS, new ReplyRoute("+15550100001", "SM" + "2".repeat(32), List.of(),
                "Docs", Map.of("from", "+15550100000")));
        harness.bean(ReplyService.class).replyTo(c, ReplyHarness.succeeded(c));
        awaitStatus(ReplyService.replyIdFor(c), ReplyStatus.SENT);
        harness.bean(ReplyService.class).replyTo(c, ReplyHarness.succeeded(c));
        // An attempt run in this thread, as the poller would: it finds the reply SENT and claims nothing.
        harness.bean(DeliveryAttempt.class).run(harness.bean(TwilioReplySender.class), ReplyService.replyIdFor(c));

        assertEquals(1, harness.twilio.received().size());
        assertEquals(ReplyStatus.SENT, harness.bean(OutboxStore.class).find(ReplyService.replyIdFor(c)).get().status());
    }

    @Test
    void theOutboxApiListsRepliesPageByPageBehindTheToken() throws Exception {
        CommandRecord c = harness.command(Channel.CHAT, new ReplyRoute("alice", "msg_4", List.of(), "Docs",
                Map.of("conversationId", "c4")));
        harness.bean(ReplyService.class).replyTo(c, ReplyHarness.succeeded(c));
        CommandRecord other = harness.command(Channel.CHAT, new ReplyRoute("alice", "msg_5", List.of(), "Docs",
                Map.of("conversationId", "c5")));
        harness.bean(ReplyService.class).replyTo(other, ReplyHarness.succeeded(other));

        assertEquals(401, get("/api/outbox", null).statusCode());
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = get("/api/outbox?status=held&limit=1" + (cursor == null ? "" : "&cursor=" + cursor), ReplyHarness.API_TOKEN);
            assertEquals(200, page.statusCode(), page.body());
            JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(page.body());
            assertTrue(body.get("replies").size() <= 1);
            body.get("replies").forEach(r -> {
                assertEquals("HELD", r.get("status").asText());
                seen.add(r.get("replyId").asText());
            });
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 100);
        assertTrue(seen.contains(ReplyService.replyIdFor(c)) && seen.contains(ReplyService.replyIdFor(other)), seen.toString());
        var one = get("/api/outbox?status=held", ReplyHarness.API_TOKEN).body();
        assertTrue(one.contains("\"text\":\"Done.\\nAdded a greeting"), one);
        assertEquals(400, get("/api/outbox?limit=0", ReplyHarness.API_TOKEN).statusCode());
        assertTrue(get("/api/outbox?status=LOST", ReplyHarness.API_TOKEN).body().contains("invalid_status"));
        assertEquals(400, get("/api/outbox?cursor=***", ReplyHarness.API_TOKEN).statusCode());
    }

    private static java.net.http.HttpResponse<String> get(String path, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(harness.url() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static List<MimeMessage> imapInbox(String address) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(props).getStore("imap");
        try {
            store.connect("127.0.0.1", harness.mail.getImap().getPort(), address, address);
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return List.of(); // the mailbox appears on first delivery
        }
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<MimeMessage> out = new java.util.ArrayList<>();
            for (Message m : inbox.getMessages()) {
                out.add(new MimeMessage((MimeMessage) m));
            }
            inbox.close(false);
            return out;
        } finally {
            store.close();
        }
    }
}
