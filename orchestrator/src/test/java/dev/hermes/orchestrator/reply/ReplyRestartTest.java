package dev.hermes.orchestrator.reply;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.reply.standin.StandIn;
import dev.hermes.orchestrator.reply.standin.TwilioStandIn;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.ReplyStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replies survive a restart: what one orchestrator left PENDING (a provider down, no sender
 * configured, an attempt cut off mid-send) the next one finds at start-up and sends.
 */
class ReplyRestartTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static ReplyHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = ReplyHarness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private static CommandRecord sms(String sidDigit) {
        return harness.command(Channel.SMS, new ReplyRoute("+15550100001", "SM" + sidDigit.repeat(32), List.of(), "Docs",
                Map.of("from", "+15550100000")));
    }

    @Test
    void aRestartFindsPendingRepliesAgainAndSendsThem() {
        // First run: Twilio is down, and attempts are slow to come back.
        harness.twilio.failNext(1000, StandIn.Answer.json(503, "{\"code\":20503,\"message\":\"down\",\"status\":503}"));
        harness.startContext(Map.of("hermes.reply.twilio.max-attempts", 10, "hermes.reply.twilio.backoff", "2s",
                "hermes.reply.twilio.max-backoff", "2s"));
        CommandRecord down = sms("4");
        harness.bean(ReplyService.class).replyTo(down, ReplyHarness.succeeded(down));
        String downId = ReplyService.replyIdFor(down);
        await().atMost(DEADLINE).until(() -> harness.bean(OutboxStore.class).find(downId).get().attempts() == 1
                && harness.bean(OutboxStore.class).find(downId).get().lastError() != null);
        harness.stopContext();

        // Second run, Twilio is back.
        harness.twilio.reset();
        harness.startContext(Map.of());
        OutboxEntry sent = await().atMost(DEADLINE).until(() -> harness.bean(OutboxStore.class).find(downId).get(),
                e -> e.status() == ReplyStatus.SENT);
        assertEquals(2, sent.attempts());
        assertEquals(1, harness.twilio.received().size());
        assertEquals("+15550100001", TwilioStandIn.form(harness.twilio.received().get(0).text()).get("To"));
        harness.stopContext();
    }

    @Test
    void aReplyWithoutSenderWaitsAndAnAttemptCutOffMidSendIsTakenUpWhenItsClaimExpires() {
        harness.twilio.reset();
        Map<String, Object> noTwilio = new HashMap<>();
        noTwilio.put("hermes.reply.twilio.base-url", null); // no SMS sender in this run
        harness.startContext(noTwilio);
        assertTrue(!harness.bean(ReplyDelivery.class).hasSender(Channel.SMS));
        CommandRecord waiting = sms("5");
        CommandRecord cutOff = sms("6");
        harness.bean(ReplyService.class).replyTo(waiting, ReplyHarness.succeeded(waiting));
        harness.bean(ReplyService.class).replyTo(cutOff, ReplyHarness.succeeded(cutOff));
        OutboxStore outbox = harness.bean(OutboxStore.class);
        assertEquals(ReplyStatus.PENDING, outbox.find(ReplyService.replyIdFor(waiting)).get().status());
        // An attempt that claimed its reply and then died with its process: held for 3 more seconds.
        long now = System.currentTimeMillis();
        assertTrue(outbox.claim(ReplyService.replyIdFor(cutOff), "crashed-attempt", now, now + 3000).isPresent());
        harness.stopContext();

        harness.startContext(Map.of());
        OutboxStore after = harness.bean(OutboxStore.class);
        await().atMost(DEADLINE).until(() -> after.find(ReplyService.replyIdFor(waiting)).get().status() == ReplyStatus.SENT);
        OutboxEntry taken = await().atMost(DEADLINE).until(() -> after.find(ReplyService.replyIdFor(cutOff)).get(),
                e -> e.status() == ReplyStatus.SENT);
        assertEquals(2, taken.attempts(), "the cut-off attempt counts");
        assertTrue(taken.updatedAt() >= now + 3000, "not before its claim expired");
        assertEquals(2, harness.twilio.received().size());
        harness.stopContext();
    }

    @Test
    void anAcknowledgementWhoseResultWasRecordedFirstIsSkipped() {
        harness.twilio.reset();
        Map<String, Object> noTwilio = new HashMap<>();
        noTwilio.put("hermes.reply.twilio.base-url", null);
        harness.startContext(noTwilio);
        CommandRecord c = sms("7");
        harness.bean(ReplyService.class).acknowledgeStart(c);
        harness.bean(ReplyService.class).replyTo(c, ReplyHarness.succeeded(c));
        harness.stopContext();

        harness.startContext(Map.of());
        OutboxStore outbox = harness.bean(OutboxStore.class);
        await().atMost(DEADLINE).until(() -> outbox.find(ReplyService.replyIdFor(c)).get().status() == ReplyStatus.SENT);
        OutboxEntry ack = await().atMost(DEADLINE).until(() -> outbox.find("a-" + c.commandId().value()).get(),
                e -> e.status() == ReplyStatus.SKIPPED);
        assertEquals(Reply.Kind.ACK, ack.reply().kind());
        assertEquals(1, harness.twilio.received().size(), "only the result was texted");
        assertTrue(TwilioStandIn.form(harness.twilio.received().get(0).text()).get("Body").startsWith("Done."));
        harness.stopContext();
    }
}
