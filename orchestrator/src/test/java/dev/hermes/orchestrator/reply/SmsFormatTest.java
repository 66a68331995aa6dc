package dev.hermes.orchestrator.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.reply.sms.SmsFormat;
import dev.hermes.orchestrator.reply.sms.SmsText;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.state.CommandStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsFormatTest {
    private final ThreadId thread = new ThreadId("abcdefgh");

    private ReplyContent done(String summary) {
        return new ReplyContent(Reply.Kind.RESULT, CommandStatus.SUCCEEDED, "Done.", summary, "thread-abcdefgh",
                "0123456789".repeat(4), List.of("README.md"), false);
    }

    @Test
    void segmentsAreCountedAsPhonesCountThem() {
        assertEquals(1, SmsText.segments("a".repeat(160)));
        assertEquals(2, SmsText.segments("a".repeat(161)));
        assertEquals(2, SmsText.segments("a".repeat(306)));
        assertEquals(3, SmsText.segments("a".repeat(307)));
        assertEquals(2, SmsText.segments("€".repeat(81)), "extension characters cost two septets");
        assertEquals(1, SmsText.segments("ä".repeat(160)), "ä is in the GSM alphabet");
        assertEquals(2, SmsText.segments("ł" + "a".repeat(70)), "one non-GSM character makes it UCS-2");
    }

    @Test
    void aShortReplyIsSentWhole() {
        String text = SmsFormat.text(done("Added a greeting."), thread, 3);
        assertEquals("Done. Added a greeting. Branch thread-abcdefgh, commit 0123456, 1 file. #abcdefgh", text);
    }

    @Test
    void aLongReplyIsShortenedAtAWordAndKeepsTheThreadMention() {
        String summary = "word ".repeat(200).strip();
        for (int segments = 1; segments <= 4; segments++) {
            String text = SmsFormat.text(done(summary), thread, segments);
            assertTrue(SmsText.segments(text) <= segments, segments + ": " + text.length());
            assertTrue(text.endsWith(" #abcdefgh"), text);
            assertTrue(text.contains("word... Branch thread-abcdefgh"), text);
            assertTrue(SmsText.isGsm(text), "the ellipsis stays in the GSM alphabet");
        }
        assertTrue(SmsFormat.text(done(summary), thread, 3).length() > 400, "three segments are used");
    }

    @Test
    void typographyIsMadePlainSoTheTextStaysGsm() {
        String text = SmsFormat.text(done("It’s “done” – really…"), thread, 1);
        assertTrue(SmsText.isGsm(text), text);
        assertTrue(text.contains("It's \"done\" - really..."), text);
    }

    @Test
    void unicodeTextIsCutInUcs2UnitsWithoutSplittingASurrogatePair() {
        String summary = "日本語のテキスト😀".repeat(30);
        String text = SmsFormat.text(done(summary), thread, 2);
        assertFalse(SmsText.isGsm(text));
        assertTrue(SmsText.segments(text) <= 2, text);
        assertTrue(text.endsWith("#abcdefgh"), text);
        for (int i = 0; i < text.length(); i++) {
            if (Character.isHighSurrogate(text.charAt(i))) {
                assertTrue(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)), "split pair at " + i);
            }
        }
    }
}
