package dev.hermes.orchestrator.inbound.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.config.EmailConfig;
import dev.hermes.orchestrator.inbound.InboundMessage;
import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.orchestrator.inbound.ThreadHint;
import dev.hermes.orchestrator.thread.ThreadSignal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels that lie, encodings nobody knows, forwards, subject tags: parsed sensibly, never a 5xx. */
class MimeRobustnessTest {
    private final MimeParser parser = new MimeParser(new EmailConfig("hermes.localhost", "hermes", "Hermes"));

    private static byte[] mail(String headers, String body) {
        return (headers.replace("\n", "\r\n") + "\r\n" + body.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
    }

    private InboundMessage parse(String headers, String body) {
        return parser.parse(mail("From: alice@example.com\nMessage-ID: <m@example.com>\n" + headers, body), List.of());
    }

    @Test
    void anUnknownTransferEncodingIsReadAsItCame() {
        assertEquals("Plain words.", parse("Subject: x\nContent-Transfer-Encoding: x-made-up\n", "Plain words.").instruction());
    }

    @Test
    void brokenBase64IsDecodedLeniently() {
        InboundMessage m = parse("Subject: x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n",
                "Rml4IHRo!ZSBi*dWlsZA\n"); // "Fix the build" with junk and no padding
        assertEquals("Fix the build", m.instruction());
    }

    @Test
    void anUnparseableContentTypeIsNoServerError() {
        try {
            InboundMessage m = parse("Subject: Fallback\nContent-Type: text/plain; charset=\"unterminated\n", "Body.");
            assertTrue(m.instruction().equals("Body.") || m.instruction().equals("Fallback"), m.instruction());
        } catch (RejectedException e) {
            assertTrue(e.status() >= 400 && e.status() < 500);
        }
    }

    @Test
    void aMultipartWithoutItsEndBoundaryStillYieldsItsText() {
        InboundMessage m = parse("Subject: x\nContent-Type: multipart/mixed; boundary=\"b1\"\n",
                "--b1\nContent-Type: text/plain; charset=utf-8\n\nCut short.\n");
        assertEquals("Cut short.", m.instruction());
    }

    @Test
    void aForwardedBlockUnderAReplyToHermesIsAReply() {
        InboundMessage m = parse("Subject: Build\nIn-Reply-To: <r-1@hermes.localhost>\n",
                "See below.\n\n---------- Forwarded message ---------\nFrom: Bob <bob@example.org>\n\n[hermes:abcdefgh]\n");
        assertEquals(List.of(new ThreadHint(ThreadSignal.REPLY_HEADER, "<r-1@hermes.localhost>", false),
                new ThreadHint(ThreadSignal.TOKEN, "abcdefgh", true)), m.hints());
    }

    @Test
    void aForwardKeepsOnlyTheTokensItsSenderWrote() {
        InboundMessage m = parse("Subject: Fwd: Build\nIn-Reply-To: <r-1@hermes.localhost>\n",
                "Put this on [hermes:bcdefghi] please.\n\n---------- Forwarded message ---------\n[hermes:abcdefgh]\n");
        assertEquals(List.of(new ThreadHint(ThreadSignal.TOKEN, "bcdefghi", true)), m.hints());
        assertEquals("Put this on  please.", m.instruction());
    }

    @Test
    void theSubjectTagNamesTheProjectUnlessTheRecipientDoes() {
        InboundMessage tagged = parse("To: hermes@hermes.localhost\nSubject: Re: [sample] Fix the build\n", "Now.");
        assertEquals("sample", tagged.projectHint().orElseThrow().value());
        assertEquals("Fix the build", tagged.title());
        InboundMessage both = parse("To: other@hermes.localhost\nSubject: [sample] Fix the build\n", "Now.");
        assertEquals("other", both.projectHint().orElseThrow().value());
        InboundMessage external = parse("Subject: [EXTERNAL] Fix the build\n", "Now.");
        assertTrue(external.projectHint().isEmpty());
        assertEquals("[EXTERNAL] Fix the build", external.title());
    }

    @Test
    void aShortOrGarbledThreadIndexIsIgnored() {
        assertTrue(ThreadIndex.conversationKey("AdxbQA==").isEmpty());
        assertTrue(ThreadIndex.conversationKey("not base64 at all!").isEmpty());
        assertEquals(List.of("<m@example.com>"), parse("Subject: x\nThread-Index: AdxbQA==\n", "Go.").ownKeys());
    }

    @Test
    void htmlIsConvertedBlockByBlock() {
        String html = "<div>Keep</div><blockquote><div>quoted <blockquote>deeper</blockquote></div></blockquote>"
                + "<ul><li>one</li><li>two<ol><li>a</li><li>b</li></ol></li></ul><p>caf&eacute; &#233; &#xE9; &bogus;</p>";
        assertEquals("Keep\n- one\n- two\n1. a\n2. b\n\ncafé é é &bogus;", HtmlText.toText(html));
    }

    @Test
    void aMalformedCcDoesNotHideTheProjectAddress() {
        InboundMessage m = parser.parse(mail("From: alice@example.com\nMessage-ID: <cc@example.com>\n"
                + "To: Sample <sample@hermes.localhost>\nCc: bob@@broken, \"unclosed <carol@example.com\nSubject: x\n", "Go."),
                List.of());
        assertEquals("sample", m.projectHint().orElseThrow().value());
    }
}
