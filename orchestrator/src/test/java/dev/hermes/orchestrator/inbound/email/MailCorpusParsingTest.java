package dev.hermes.orchestrator.inbound.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.config.EmailConfig;
import dev.hermes.orchestrator.inbound.Attachment;
import dev.hermes.orchestrator.inbound.InboundMessage;
import dev.hermes.protocol.id.ProjectId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message of the corpus through {@link MimeParser}: instruction, attachments, title, project hint. */
class MailCorpusParsingTest {
    private final MimeParser parser = new MimeParser(new EmailConfig("hermes.localhost", "hermes", "Hermes"));

    static Stream<MailCorpus.Case> cases() {
        return MailCorpus.cases().stream();
    }

    @Test
    void theCorpusHasAtLeastThirtyMessagesWithCrlfLineEnds() {
        assertTrue(MailCorpus.cases().size() >= 30, "corpus size " + MailCorpus.cases().size());
        for (MailCorpus.Case c : MailCorpus.cases()) {
            String raw = new String(c.raw(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(raw.contains("\r\n\r\n") && !raw.replace("\r\n", "").contains("\n"), c.file() + " is not CRLF");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesLikeTheExpectationSays(MailCorpus.Case c) {
        InboundMessage m = parser.parse(c.raw(), List.of());

        assertEquals(c.instruction(), m.instruction(), "instruction");
        List<Attachment> expected = c.attachments().stream()
                .map(a -> new Attachment(a.name(), a.type(), a.size())).toList();
        assertEquals(expected, m.attachments(), "attachments");
        if (c.title() != null) {
            assertEquals(c.title(), m.title(), "title");
        }
        assertEquals(java.util.Optional.ofNullable(c.project()).map(ProjectId::new), m.projectHint(), "project hint");
        if (c.ownKeys() != null) {
            assertEquals(c.ownKeys(), m.ownKeys(), "own keys");
        }
    }
}
