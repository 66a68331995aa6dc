package dev.hermes.orchestrator.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.config.EmailConfig;
import dev.hermes.orchestrator.inbound.ReplyRoute;
import dev.hermes.orchestrator.thread.ThreadSignal;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.Fixtures;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.message.ResultMessage;
import dev.hermes.protocol.state.Channel;
import dev.hermes.protocol.state.CommandStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyComposerTest {
    private final ReplyComposer composer = new ReplyComposer(new EmailConfig("hermes.localhost", "hermes", "Hermes"));
    private final ThreadId thread = new ThreadId("abcdefgh");
    private final CommandId id = CommandId.of("email", "<m2@example.com>");

    @Test
    void threadsTheReplyOnTheMessageItAnswers() {
        CommandRecord command = CommandRecord.received(id, thread, ContainerKey.parse("sample#alice"), Channel.EMAIL,
                "Docs", "Write docs", new ReplyRoute("alice@example.com", "<m2@example.com>",
                        List.of("<m1@example.com>", "<r1@hermes.localhost>"), "Re: Docs"), ThreadSignal.REPLY_HEADER, List.of(), 0);
        ResultMessage result = ResultMessage.of(id, thread, command.containerKey(), CommandStatus.SUCCEEDED,
                "Wrote docs", "thread-abcdefgh", "a".repeat(40), List.of("README.md"), Instant.EPOCH);

        OutgoingEmail email = composer.compose("r-x", command, result);

        assertEquals("<r-x@hermes.localhost>", email.messageId());
        assertEquals("<m2@example.com>", email.inReplyTo());
        assertEquals(List.of("<m1@example.com>", "<r1@hermes.localhost>", "<m2@example.com>"), email.references());
        assertEquals("hermes+abcdefgh@hermes.localhost", email.replyTo());
        assertEquals("alice@example.com", email.to());
        assertEquals("Re: Docs", email.subject());
        assertTrue(email.text().contains("[hermes:abcdefgh]"));
        assertTrue(email.text().contains("Branch: thread-abcdefgh"));
        assertTrue(email.text().contains("  - README.md"));
    }

    @Test
    void aResultAsTheWorkerWritesItIsToldInFull() {
        // The golden result shared with the worker through the protocol test jar.
        ResultMessage golden = new MessageCodec().decode(Fixtures.read(Fixtures.RESULT), ResultMessage.class);
        CommandRecord command = CommandRecord.received(golden.commandId(), golden.threadId(), golden.containerKey(),
                Channel.EMAIL, "Add a health check", "Add a health check endpoint.",
                new ReplyRoute("alice@example.com", "<m@example.com>", List.of(), "Health"), ThreadSignal.NEW, List.of(), 0);

        String text = composer.compose("r-1", command, golden).text();

        assertTrue(text.startsWith("Done.\n\nAdded GET /health\n"), text);
        assertTrue(text.contains("Commit: " + golden.commitSha()), text);
        assertTrue(text.contains("  - src/Health.java\n  - README.md\n"), text);
        assertTrue(text.contains("[hermes:" + golden.threadId() + "]"), text);
    }
}
