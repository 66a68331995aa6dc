package dev.hermes.orchestrator.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.config.EmailConfig;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.reply.email.OutgoingEmail;
import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.protocol.Fixtures;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.CommandStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyComposerTest {
    private final ReplyComposer composer = new ReplyComposer(new EmailConfig("hermes.localhost", "hermes", "Hermes"),
            new ReplyConfig(Duration.ofSeconds(2), 25, 4, Duration.ofMinutes(2), 3));
    private final ThreadId thread = new ThreadId("abcdefgh");
    private final CommandId id = CommandId.of("email", "<m2@example.com>");

    private CommandRecord command(Channel channel, ReplyRoute route) {
        return CommandRecord.received(id, thread, ContainerKey.parse("sample#alice"), channel, "Docs", "Write docs", route,
                ThreadSignal.REPLY_HEADER, List.of(), 0);
    }

    private ResultMessage result(CommandStatus status) {
        return ResultMessage.of(id, thread, ContainerKey.parse("sample#alice"), status, "Wrote docs", "thread-abcdefgh",
                "a".repeat(40), List.of("README.md"), Instant.EPOCH);
    }

    @Test
    void threadsTheEmailOnTheMessageItAnswersWithBothParts() {
        CommandRecord command = command(Channel.EMAIL, new ReplyRoute("alice@example.com", "<m2@example.com>",
                List.of("<m1@example.com>", "<r1@hermes.localhost>"), "Re: Docs"));

        Reply reply = composer.compose("r-x", command, ReplyContent.result(result(CommandStatus.SUCCEEDED)));
        OutgoingEmail email = OutgoingEmail.of(reply);

        assertEquals("<r-x@hermes.localhost>", email.messageId());
        assertEquals("<m2@example.com>", email.inReplyTo());
        assertEquals(List.of("<m1@example.com>", "<r1@hermes.localhost>", "<m2@example.com>"), email.references());
        assertEquals("hermes+abcdefgh@hermes.localhost", email.replyTo());
        assertEquals("alice@example.com", email.to());
        assertEquals("Re: Docs", email.subject());
        assertTrue(email.text().contains("[hermes:abcdefgh]"));
        assertTrue(email.text().contains("Branch: thread-abcdefgh"));
        assertTrue(email.text().contains("  - README.md"));
        assertTrue(email.html().contains("[hermes:abcdefgh]"), email.html());
        assertTrue(email.html().contains("<li><code>README.md</code></li>"), email.html());
    }

    @Test
    void aResultAsTheWorkerWritesItIsToldInFull() {
        // The golden result shared with the worker through the protocol test jar.
        ResultMessage golden = new MessageCodec().decode(Fixtures.read(Fixtures.RESULT), ResultMessage.class);
        CommandRecord command = CommandRecord.received(golden.commandId(), golden.threadId(), golden.containerKey(),
                Channel.EMAIL, "Add a health check", "Add a health check endpoint.",
                new ReplyRoute("alice@example.com", "<m@example.com>", List.of(), "Health"), ThreadSignal.NEW, List.of(), 0);

        String text = composer.compose("r-1", command, ReplyContent.result(golden)).text();

        assertTrue(text.startsWith("Done.\n\nAdded GET /health\n"), text);
        assertTrue(text.contains("Commit: " + golden.commitSha()), text);
        assertTrue(text.contains("  - src/Health.java\n  - README.md\n"), text);
        assertTrue(text.contains("[hermes:" + golden.threadId() + "]"), text);
    }

    @Test
    void aSupersededCommandGetsAShortNoticeWithoutTheFileList() {
        CommandRecord command = command(Channel.EMAIL, new ReplyRoute("alice@example.com", "<m2@example.com>", List.of(), "Docs"));

        Reply reply = composer.compose("r-x", command, ReplyContent.result(result(CommandStatus.SUPERSEDED)));

        assertTrue(reply.text().startsWith("Stopped in favour of your newer message"), reply.text());
        assertTrue(reply.text().contains("Commit: " + "a".repeat(40)), reply.text());
        assertFalse(reply.text().contains("README.md"), reply.text());
        assertFalse(reply.html().contains("README.md"), reply.html());
    }

    @Test
    void htmlEscapesWhatTheWorkerWrote() {
        CommandRecord command = command(Channel.EMAIL, new ReplyRoute("alice@example.com", "<m2@example.com>", List.of(), "Docs"));
        ResultMessage r = ResultMessage.of(id, thread, command.containerKey(), CommandStatus.SUCCEEDED,
                "<script>alert(1)</script> & more", null, null, List.of("a<b>.md"), Instant.EPOCH);

        String html = composer.compose("r-x", command, ReplyContent.result(r)).html();

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), html);
        assertTrue(html.contains("a&lt;b&gt;.md"), html);
    }

    @Test
    void smsGoesToThePhoneFromTheNumberItTextedWithTheThreadMention() {
        CommandRecord command = command(Channel.SMS, new ReplyRoute("+15550100001", "SMxyz", List.of(), "Docs",
                Map.of("from", "+15550100000")));

        Reply reply = composer.compose("r-x", command, ReplyContent.result(result(CommandStatus.SUCCEEDED)));

        assertEquals("+15550100001", reply.destination());
        assertEquals("+15550100000", reply.attribute(ReplyAttributes.FROM));
        assertEquals("Done. Wrote docs Branch thread-abcdefgh, commit aaaaaaa, 1 file. #abcdefgh", reply.text());
        assertNull(reply.html());
    }

    @Test
    void slackAnswersInTheThreadAndEscapesMarkup() {
        CommandRecord command = command(Channel.SLACK, new ReplyRoute("C0DEV", "1700000001.000200", List.of(), "Docs",
                Map.of("team", "T0HERMES", "channel", "C0DEV", "thread_ts", "1700000001.000100")));
        ResultMessage r = ResultMessage.of(id, thread, command.containerKey(), CommandStatus.SUCCEEDED,
                "Fixed <!channel> & friends", "thread-abcdefgh", "b".repeat(40), List.of("README.md"), Instant.EPOCH);

        Reply reply = composer.compose("r-x", command, ReplyContent.result(r));

        assertEquals("C0DEV", reply.destination());
        assertEquals("1700000001.000100", reply.attribute(ReplyAttributes.SLACK_THREAD_TS));
        assertTrue(reply.text().startsWith("*Done.*\nFixed &lt;!channel&gt; &amp; friends\n"), reply.text());
        assertTrue(reply.text().contains("commit `bbbbbbb`"), reply.text());
        assertTrue(reply.text().endsWith("_thread #abcdefgh_"), reply.text());
    }

    @Test
    void chatCarriesTheCallbackAndTheWorkAsFields() {
        CommandRecord command = command(Channel.CHAT, new ReplyRoute("https://chat.example.com/hook", "msg_1", List.of(),
                "Docs", Map.of("conversationId", "support-42", "callbackUrl", "https://chat.example.com/hook")));

        Reply reply = composer.compose("r-x", command, ReplyContent.result(result(CommandStatus.SUCCEEDED)));

        assertEquals("https://chat.example.com/hook", reply.attribute(ReplyAttributes.CHAT_CALLBACK));
        assertEquals("support-42", reply.attribute(ReplyAttributes.CHAT_CONVERSATION));
        assertEquals("SUCCEEDED", reply.attribute(ReplyAttributes.STATUS));
        assertEquals("README.md", reply.attribute(ReplyAttributes.FILES));
        assertTrue(reply.text().endsWith("#abcdefgh"), reply.text());
    }

    @Test
    void theColdStartAcknowledgementAndTheDeadLetterNoticeAreShort() {
        CommandRecord command = command(Channel.EMAIL, new ReplyRoute("alice@example.com", "<m2@example.com>", List.of(), "Docs"));

        Reply ack = composer.compose("a-x", command, ReplyContent.coldStart("Starting your workspace…"));
        Reply dead = composer.compose("d-x", command, ReplyContent.couldNotProcess(
                "Hermes tried 3 times and could not process this message. The last attempt ended with: agent exited with code 3", "thread-abcdefgh"));

        assertEquals(Reply.Kind.ACK, ack.kind());
        assertTrue(ack.text().startsWith("Starting your workspace…\n\n\n-- \n"), ack.text());
        assertEquals("<a-x@hermes.localhost>", ack.attribute(ReplyAttributes.MESSAGE_ID));
        assertEquals(Reply.Kind.NOTICE, dead.kind());
        assertTrue(dead.text().startsWith("Your message could not be processed."), dead.text());
        assertTrue(dead.text().contains("Status: DEAD_LETTERED"), dead.text());
        assertTrue(dead.text().contains("tried 3 times") && dead.text().contains("agent exited with code 3"), dead.text());
    }
}
