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
                        List.of("<m1@example.com>", "<r1@hermes.localhost>"), "Re: Docs"), ThreadSignal.REPLY_HEADER, 0);
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
}
