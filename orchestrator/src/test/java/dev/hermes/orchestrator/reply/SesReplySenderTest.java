package dev.hermes.orchestrator.reply;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.reply.email.SesReplySender;
import dev.hermes.orchestrator.reply.standin.SesStandIn;
import dev.hermes.orchestrator.reply.standin.StandIn;
import dev.hermes.orchestrator.thread.ThreadStore;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.ReplyStatus;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Email replies through SES v2 with the real SDK client (micronaut-aws's HTTP client, credentials,
 * region; the endpoint of {@code aws.services.email.endpoint-override}) against the SES stand-in.
 */
class SesReplySenderTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static ReplyHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = ReplyHarness.start();
        harness.startContext(Map.of("hermes.reply.ses.enabled", true));
    }

    @AfterAll
    static void stop() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void theRawReplyGoesThroughSesAndItsMessageIdJoinsTheThread() throws Exception {
        List<ReplySender> email = harness.context().getBeansOfType(ReplySender.class).stream()
                .filter(s -> s.channel() == Channel.EMAIL).toList();
        assertEquals(1, email.size());
        assertTrue(email.get(0) instanceof SesReplySender, "SES replaces SMTP");
        CommandRecord c = harness.command(Channel.EMAIL, new ReplyRoute("dave@example.com", "<m2@example.com>",
                List.of("<m1@example.com>"), "Greeting"));
        harness.bean(ReplyService.class).replyTo(c, ReplyHarness.succeeded(c));

        OutboxEntry sent = await().atMost(DEADLINE).until(
                () -> harness.bean(OutboxStore.class).find(ReplyService.replyIdFor(c)).get(), e -> e.status() == ReplyStatus.SENT);
        StandIn.Request request = harness.ses.received().get(0);
        assertTrue(request.header("Authorization").contains("/us-east-1/ses/aws4_request"), request.header("Authorization"));
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(SesStandIn.rawMime(request)));
        assertEquals("<m2@example.com>", mime.getHeader("In-Reply-To", null));
        assertEquals("<m1@example.com> <m2@example.com>", mime.getHeader("References", " "));
        assertEquals("hermes+" + c.threadId().value() + "@hermes.localhost", ((InternetAddress) mime.getReplyTo()[0]).getAddress());
        assertEquals("dave@example.com", ((InternetAddress) mime.getAllRecipients()[0]).getAddress());
        assertEquals(2, ((Multipart) mime.getContent()).getCount());
        assertTrue(harness.ses.received().size() == 1 && harness.mail.getReceivedMessages().length == 0, "nothing via SMTP");

        String sesKey = "<" + sent.providerMessageId() + "@email.amazonses.com>";
        ThreadStore threads = harness.bean(ThreadStore.class);
        await().atMost(DEADLINE).until(() -> c.threadId().equals(threads.lookup(List.of(sesKey)).get(sesKey)));
        String ownKey = "<" + ReplyService.replyIdFor(c) + "@hermes.localhost>";
        assertEquals(c.threadId(), threads.lookup(List.of(ownKey)).get(ownKey));
    }

    @Test
    void sesThrottlingIsRetriedAndARejectedMessageIsNot() {
        harness.ses.reset();
        harness.ses.failNext(1, SesStandIn.error(429, "TooManyRequestsException", "Maximum sending rate exceeded."));
        CommandRecord throttled = harness.command(Channel.EMAIL, new ReplyRoute("erin@example.com", "<m3@example.com>",
                List.of(), "Throttled"));
        harness.bean(ReplyService.class).replyTo(throttled, ReplyHarness.succeeded(throttled));
        OutboxEntry sent = await().atMost(DEADLINE).until(() -> harness.bean(OutboxStore.class)
                .find(ReplyService.replyIdFor(throttled)).get(), e -> e.status() == ReplyStatus.SENT);
        assertEquals(2, sent.attempts(), "one SDK call per attempt: the SDK itself does not retry");

        harness.ses.failNext(1, SesStandIn.error(400, "MessageRejected", "Email address is not verified."));
        CommandRecord rejected = harness.command(Channel.EMAIL, new ReplyRoute("frank@example.com", "<m4@example.com>",
                List.of(), "Rejected"));
        harness.bean(ReplyService.class).replyTo(rejected, ReplyHarness.succeeded(rejected));
        OutboxEntry failed = await().atMost(DEADLINE).until(() -> harness.bean(OutboxStore.class)
                .find(ReplyService.replyIdFor(rejected)).get(), e -> e.status() == ReplyStatus.FAILED);
        assertEquals(1, failed.attempts());
        assertTrue(failed.lastError().contains("MessageRejected"), failed.lastError());
    }
}
