package dev.hermes.orchestrator.reply;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.reply.standin.SlackStandIn;
import dev.hermes.orchestrator.reply.standin.StandIn;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.ReplyStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failure semantics: a failing provider is retried with backoff, then the reply is FAILED, and
 * meanwhile the other channels' replies go out; final refusals are not retried; Slack's 429
 * Retry-After is honoured. Backoff 300 ms doubling to 1 s, three attempts (see {@link ReplyHarness}).
 */
class ReplyRetryTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static ReplyHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = ReplyHarness.start();
        harness.startContext(Map.of("hermes.reply.twilio.request-timeout", "60s"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @BeforeEach
    void clean() {
        harness.twilio.reset();
        harness.slack.reset();
    }

    private static OutboxEntry entry(String replyId) {
        return harness.bean(OutboxStore.class).find(replyId).orElseThrow();
    }

    private static CommandRecord sms() {
        return harness.command(Channel.SMS, new ReplyRoute("+15550100001", "SM" + "3".repeat(32), List.of(), "Docs",
                Map.of("from", "+15550100000")));
    }

    private static CommandRecord slack() {
        return harness.command(Channel.SLACK, new ReplyRoute("C0DEV", "1700000002.000200", List.of(), "Docs",
                Map.of("team", "T0HERMES", "channel", "C0DEV", "thread_ts", "1700000002.000100")));
    }

    @Test
    void aFailingProviderIsRetriedWithBackoffThenFailedWhileAnotherChannelIsDeliveredOnTime() {
        harness.twilio.failNext(3, StandIn.Answer.json(503,
                "{\"code\":20503,\"message\":\"Service unavailable\",\"status\":503}"));
        harness.twilio.hold(); // Twilio does not even answer yet
        CommandRecord text = sms();
        CommandRecord chat = slack();
        ReplyService replies = harness.bean(ReplyService.class);
        replies.replyTo(text, ReplyHarness.succeeded(text));
        replies.replyTo(chat, ReplyHarness.succeeded(chat));

        // While the SMS attempt hangs at Twilio, the Slack reply goes out.
        await().atMost(DEADLINE).until(() -> entry(ReplyService.replyIdFor(chat)).status() == ReplyStatus.SENT);
        assertEquals(1, harness.twilio.received().size(), "the SMS attempt is still waiting for Twilio");
        assertEquals(ReplyStatus.PENDING, entry(ReplyService.replyIdFor(text)).status());
        assertEquals(1, harness.slack.received().size());

        harness.twilio.release();
        OutboxEntry failed = await().atMost(DEADLINE).until(() -> entry(ReplyService.replyIdFor(text)),
                e -> e.status() == ReplyStatus.FAILED);
        assertEquals(3, failed.attempts());
        assertTrue(failed.lastError().contains("Twilio answered 503"), failed.lastError());
        List<StandIn.Request> tries = harness.twilio.received();
        assertEquals(3, tries.size(), "max-attempts, and not one more");
        // Equal jitter: the n-th wait is at least half of 300 ms * 2^(n-1).
        assertTrue(tries.get(2).receivedAtMillis() - tries.get(1).receivedAtMillis() >= 300,
                "second retry waited " + (tries.get(2).receivedAtMillis() - tries.get(1).receivedAtMillis()) + " ms");
        assertTrue(tries.get(1).receivedAtMillis() - tries.get(0).receivedAtMillis() >= 150);
    }

    @Test
    void aFinalRefusalIsNotRetried() {
        harness.slack.failNext(1, SlackStandIn.refused("channel_not_found"));
        harness.twilio.failNext(1, StandIn.Answer.json(400,
                "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}"));
        CommandRecord chat = slack();
        CommandRecord text = sms();
        harness.bean(ReplyService.class).replyTo(chat, ReplyHarness.succeeded(chat));
        harness.bean(ReplyService.class).replyTo(text, ReplyHarness.succeeded(text));

        OutboxEntry slackFailed = await().atMost(DEADLINE).until(() -> entry(ReplyService.replyIdFor(chat)),
                e -> e.status() == ReplyStatus.FAILED);
        OutboxEntry smsFailed = await().atMost(DEADLINE).until(() -> entry(ReplyService.replyIdFor(text)),
                e -> e.status() == ReplyStatus.FAILED);
        assertEquals(1, slackFailed.attempts());
        assertTrue(slackFailed.lastError().contains("channel_not_found"), slackFailed.lastError());
        assertEquals(1, smsFailed.attempts());
        assertTrue(smsFailed.lastError().contains("21211"), smsFailed.lastError());
    }

    @Test
    void slackRateLimitingIsWaitedOutAsItsRetryAfterSays() {
        harness.slack.failNext(1, SlackStandIn.rateLimited(2));
        CommandRecord chat = slack();
        harness.bean(ReplyService.class).replyTo(chat, ReplyHarness.succeeded(chat));

        OutboxEntry sent = await().atMost(DEADLINE).until(() -> entry(ReplyService.replyIdFor(chat)),
                e -> e.status() == ReplyStatus.SENT);
        assertEquals(2, sent.attempts());
        List<StandIn.Request> tries = harness.slack.received();
        long waited = tries.get(1).receivedAtMillis() - tries.get(0).receivedAtMillis();
        assertTrue(waited >= 1900, "Retry-After 2 s, waited " + waited + " ms");
    }
}
