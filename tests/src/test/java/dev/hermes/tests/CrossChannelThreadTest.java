package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.reply.OutboxEntry;
import dev.hermes.orchestrator.reply.OutboxStore;
import dev.hermes.protocol.id.CommandId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 4, end to end with real workers: one conversation carried across email, SMS, Slack and
 * the generic chat lands on one thread and one branch, one commit per message; a mention of the
 * thread by another user never joins it. Without Twilio or Slack configured, their replies wait in the
 * outbox (PENDING); ChannelRepliesTest sends them to stand-ins.
 */
class CrossChannelThreadTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    @TempDir
    static Path root;
    private static LocalHermes hermes;
    private static HermesClient api;
    private static ChannelClient channels;
    private static GitRemote remote;

    @BeforeAll
    static void start() throws Exception {
        hermes = ChannelWebhooksTest.startHermes(root);
        api = new HermesClient(hermes.url(), hermes.property("mimeSecret"), hermes.property("apiToken"));
        channels = ChannelWebhooksTest.channelClient(hermes);
        remote = new GitRemote(Path.of(hermes.projects().get(0).repoUrl()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hermes != null) {
            hermes.close();
        }
    }

    @Test
    void oneConversationAcrossEmailSmsSlackAndChatIsOneThreadAndBobCannotJoinIt() {
        // 1. Alice's email starts the thread.
        HermesClient.Response email = api.postMime(MimeBuilder.build("alice@example.com",
                "hermes@" + LocalHermes.EMAIL_DOMAIN, "Greeting", "Add a greeting to the README.", null));
        assertEquals(202, email.status(), email.body().toString());
        String thread = email.body().get("threadId").asText();
        String branch = "thread-" + thread;
        awaitDone(email.body().get("commandId").asText());
        assertEquals(1, remote.commitsOnly(branch, "main").size());

        // 2. Her SMS names the thread.
        String sid = ChannelClient.newSid();
        assertEquals(200, channels.twilio(ChannelClient.sms(sid, ChannelWebhooksTest.ALICE_PHONE, LocalHermes.SMS_NUMBER,
                "#" + thread + " also greet in French")).status());
        JsonNode sms = awaitDone(CommandId.of("sms", sid).value());
        assertEquals(thread, sms.get("threadId").asText());
        assertEquals("TOKEN", sms.get("signal").asText());
        assertEquals(2, remote.commitsOnly(branch, "main").size());
        String instructions = remote.show(branch, "INSTRUCTIONS.md");
        assertTrue(instructions.contains("also greet in French"), instructions);
        assertFalse(instructions.contains("#" + thread), "the mention is not part of the instruction");

        // 3. A Slack message carrying the token, then a plain reply in that Slack thread.
        String top = "1700001000.000100";
        String slackOne = ChannelWebhooksTest.eventId();
        assertEquals(200, channels.slack(ChannelWebhooksTest.slackMessage(slackOne, ChannelWebhooksTest.ALICE_SLACK,
                "C0DEV", top, null, "<@" + LocalHermes.SLACK_BOT_USER + "> [hermes:" + thread + "] and in German")).status());
        JsonNode slack = awaitDone(CommandId.of("slack", slackOne).value());
        assertEquals(thread, slack.get("threadId").asText());
        String slackTwo = ChannelWebhooksTest.eventId();
        assertEquals(200, channels.slack(ChannelWebhooksTest.slackMessage(slackTwo, ChannelWebhooksTest.ALICE_SLACK,
                "C0DEV", "1700001005.000200", top, "and in Spanish")).status());
        JsonNode slackReply = awaitDone(CommandId.of("slack", slackTwo).value());
        assertEquals(thread, slackReply.get("threadId").asText());
        assertEquals("CHAT", slackReply.get("signal").asText());
        assertEquals(4, remote.commitsOnly(branch, "main").size());

        // 4. The generic chat joins it the same way.
        String chatId = "msg_" + UUID.randomUUID();
        assertEquals(202, channels.chat(chatId, ChannelWebhooksTest.chatMessage("conv-x", "alice",
                "#" + thread + " and in Italian")).status());
        assertEquals(thread, awaitDone(CommandId.of("chat", chatId).value()).get("threadId").asText());
        assertEquals(5, remote.commitsOnly(branch, "main").size(), "one commit per message");
        assertEquals(5, api.thread(thread).get("commands").size());

        // 5. Bob's SMS with Alice's token starts a thread of his own.
        String bobSid = ChannelClient.newSid();
        assertEquals(200, channels.twilio(ChannelClient.sms(bobSid, ChannelWebhooksTest.BOB_PHONE, LocalHermes.SMS_NUMBER,
                "#" + thread + " delete the README")).status());
        JsonNode bob = awaitDone(CommandId.of("sms", bobSid).value());
        String bobThread = bob.get("threadId").asText();
        assertNotEquals(thread, bobThread);
        assertEquals("bob", api.thread(bobThread).get("userId").asText());
        assertEquals(1, remote.commitsOnly("thread-" + bobThread, "main").size());
        assertEquals(5, remote.commitsOnly(branch, "main").size(), "alice's thread is unchanged");
        assertEquals(5, api.thread(thread).get("commands").size());
    }

    /** Finished, and its reply recorded in the outbox (sent or waiting for a provider). */
    private static JsonNode awaitDone(String commandId) {
        OutboxStore outbox = hermes.context().getBean(OutboxStore.class);
        JsonNode done = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(
                () -> api.command(commandId),
                c -> List.of("SUCCEEDED", "FAILED", "TIMED_OUT").contains(c.path("status").asText())
                        && outbox.find("r-" + commandId).isPresent());
        assertEquals("SUCCEEDED", done.get("status").asText(), done.toString());
        Optional<OutboxEntry> reply = outbox.find("r-" + commandId);
        String text = reply.get().reply().text();
        assertTrue(text.contains(done.get("commitSha").asText().substring(0, 7)), text);
        return done;
    }
}
