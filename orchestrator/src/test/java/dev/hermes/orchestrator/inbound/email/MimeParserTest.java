package dev.hermes.orchestrator.inbound.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.config.EmailConfig;
import dev.hermes.orchestrator.inbound.InboundMessage;
import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.orchestrator.inbound.ThreadHint;
import dev.hermes.orchestrator.thread.ThreadSignal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MimeParserTest {
    private final MimeParser parser = new MimeParser(new EmailConfig("hermes.localhost", "hermes", "Hermes"));

    private static byte[] mail(String headers, String body) {
        return (headers.replace("\n", "\r\n") + "\r\n" + body.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void collectsEverySignalStrongestFirst() {
        InboundMessage m = parser.parse(mail("""
                From: Alice <Alice@Example.com>
                To: hermes+abcdefgh@hermes.localhost
                Subject: Re: Re: Build
                Message-ID: <new@example.com>
                In-Reply-To: <r2@hermes.localhost>
                References: <root@example.com> <r1@hermes.localhost> <r2@hermes.localhost>
                """, "Go on.\n\nOn Sun, Hermes wrote:\n> [hermes:bcdefghi]\n"), List.of());

        assertEquals("email:alice@example.com", m.routeKey());
        assertEquals("<new@example.com>", m.providerEventId());
        assertEquals("Go on.", m.instruction());
        assertEquals("Build", m.title());
        List<ThreadHint> hints = m.hints();
        assertEquals(new ThreadHint(ThreadSignal.PLUS_ADDRESS, "abcdefgh", true), hints.get(0));
        assertEquals(List.of("<r2@hermes.localhost>", "<r1@hermes.localhost>", "<root@example.com>"),
                hints.stream().filter(h -> h.signal() == ThreadSignal.REPLY_HEADER).map(ThreadHint::value).toList());
        assertEquals(new ThreadHint(ThreadSignal.TOKEN, "bcdefghi", true), hints.get(hints.size() - 1));
        assertEquals(List.of("<root@example.com>", "<r1@hermes.localhost>", "<r2@hermes.localhost>"),
                m.replyRoute().references());
    }

    @Test
    void aPlusAddressOnAnotherDomainIsNotASignal() {
        InboundMessage m = parser.parse(mail("""
                From: alice@example.com
                To: hermes@hermes.localhost
                Cc: bob+abcdefgh@gmail.com
                Subject: x
                Message-ID: <a@example.com>
                """, "Do it."), List.of());
        assertTrue(m.hints().isEmpty(), m.hints().toString());
    }

    @Test
    void theRecipientLocalPartNamesTheProject() {
        InboundMessage m = parser.parse(mail("""
                From: alice@example.com
                To: sample@hermes.localhost
                Subject: x
                Message-ID: <b@example.com>
                """, "Do it."), List.of());
        assertEquals("sample", m.projectHint().orElseThrow().value());
    }

    @Test
    void aMessageWithoutMessageIdGetsAStableOne() {
        byte[] raw = mail("From: alice@example.com\nSubject: x\n", "Do it.");
        assertEquals(parser.parse(raw, List.of()).providerEventId(), parser.parse(raw, List.of()).providerEventId());
    }

    @Test
    void htmlOnlyMailIsReadAsText() {
        InboundMessage m = parser.parse(mail("""
                From: alice@example.com
                Subject: x
                Message-ID: <c@example.com>
                Content-Type: text/html; charset=utf-8
                """, "<p>Add <b>docs</b></p><br>thanks"), List.of());
        assertEquals("Add docs\n\nthanks", m.instruction());
    }

    @Test
    void rejectsMailWithoutSenderOrText() {
        RejectedException noSender = assertThrows(RejectedException.class,
                () -> parser.parse(mail("Subject: x\nMessage-ID: <d@example.com>\n", "Do it."), List.of()));
        assertEquals(400, noSender.status());
        RejectedException empty = assertThrows(RejectedException.class,
                () -> parser.parse(mail("From: a@example.com\nMessage-ID: <e@example.com>\n", "> only quotes\n"), List.of()));
        assertEquals(422, empty.status());
        assertThrows(RejectedException.class, () -> parser.parse(new byte[0], List.of()));
    }
}
