package dev.hermes.orchestrator.inbound.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hermes.orchestrator.config.EmailConfig;
import dev.hermes.orchestrator.inbound.RejectedException;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limits of {@code hermes.intake.email}: refused with a 4xx and a one-line reason. */
class MimeParserLimitsTest {
    private static final EmailConfig EMAIL = new EmailConfig("hermes.localhost", "hermes", "Hermes");
    private final MimeParser parser = new MimeParser(EMAIL);

    private static byte[] withHeaders(int extraFields, int longLine, String body) {
        StringBuilder m = new StringBuilder("From: alice@example.com\r\nSubject: x\r\nMessage-ID: <l@example.com>\r\n");
        for (int i = 0; i < extraFields; i++) {
            m.append("X-Filler-").append(i).append(": ").append(i).append("\r\n");
        }
        if (longLine > 0) {
            m.append("X-Long: ").append("a".repeat(longLine - "X-Long: ".length())).append("\r\n");
        }
        return m.append("\r\n").append(body).toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void twoHundredHeaderFieldsPassAndOneMoreIsRefused() {
        parser.parse(withHeaders(197, 0, "Do it."), List.of());
        RejectedException e = assertThrows(RejectedException.class, () -> parser.parse(withHeaders(198, 0, "Do it."), List.of()));
        assertEquals(400, e.status());
        assertEquals("header_limit", e.code());
    }

    @Test
    void aHeaderLineOverEightKibIsRefusedAndFoldedLinesCountAsOneField() {
        parser.parse(withHeaders(0, 8192, "Do it."), List.of());
        RejectedException e = assertThrows(RejectedException.class, () -> parser.parse(withHeaders(0, 8193, "Do it."), List.of()));
        assertEquals(400, e.status());
        assertEquals("header_limit", e.code());
        String folded = "From: alice@example.com\r\nSubject: x\r\nReferences: <a@b>\r\n" + " <c@d>\r\n".repeat(400) + "\r\nDo it.";
        assertEquals("Do it.", parser.parse(folded.getBytes(StandardCharsets.UTF_8), List.of()).instruction());
    }

    @Test
    void aLongBodyLineIsNoHeaderLine() {
        String body = "word ".repeat(3000);
        assertEquals(body.strip(), parser.parse(withHeaders(0, 0, body), List.of()).instruction());
    }

    @Test
    void anInstructionOverTheCapIs413() {
        parser.parse(withHeaders(0, 0, "x".repeat(20_000)), List.of());
        RejectedException e = assertThrows(RejectedException.class,
                () -> parser.parse(withHeaders(0, 0, "x".repeat(20_001)), List.of()));
        assertEquals(413, e.status());
        assertEquals("instruction_too_long", e.code());
    }

    @Test
    void theLimitsAreConfigurable() {
        MimeParser strict = new MimeParser(EMAIL, new EmailIntakeConfig(5, 100, 10));
        assertEquals(413, assertThrows(RejectedException.class,
                () -> strict.parse(withHeaders(0, 0, "eleven char"), List.of())).status());
        assertEquals("header_limit", assertThrows(RejectedException.class,
                () -> strict.parse(withHeaders(3, 0, "Do it."), List.of())).code());
        assertEquals("header_limit", assertThrows(RejectedException.class,
                () -> strict.parse(withHeaders(0, 101, "Do it."), List.of())).code());
    }

    @Test
    void theConfigurationBindsFromHermesIntakeEmail() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "hermes.intake.email.max-header-fields", 50,
                "hermes.intake.email.max-instruction-chars", 1000))) {
            EmailIntakeConfig config = ctx.getBean(EmailIntakeConfig.class);
            assertEquals(new EmailIntakeConfig(50, 8192, 1000), config);
        }
    }
}
