package dev.hermes.orchestrator.inbound.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InstructionTextTest {

    @Test
    void keepsOnlyTheNewTextOfAGmailStyleReply() {
        String body = """
                Please also add a licence section.

                On Sun, 22 Nov 2026 at 08:00, Hermes <hermes@hermes.localhost> wrote:
                > Done.
                > [hermes:abcdefgh]
                """;
        assertEquals("Please also add a licence section.", InstructionText.extract(body));
    }

    @Test
    void cutsAtAWrappedTwoLineAttribution() {
        String body = "Ship it.\n\nOn Sun, 22 Nov 2026 at 08:00, Hermes <hermes@hermes.localhost>\nwrote:\n> old\n";
        assertEquals("Ship it.", InstructionText.extract(body));
    }

    @Test
    void cutsAtAnOutlookOriginalMessageBlock() {
        String body = "Rename the module.\r\n\r\n-----Original Message-----\r\nFrom: Hermes\r\nSent: today\r\n\r\nDone.\r\n";
        assertEquals("Rename the module.", InstructionText.extract(body));
    }

    @Test
    void cutsAtAnOutlookHeaderBlockAfterABlankLine() {
        String body = "Add tests.\n\nFrom: Hermes <hermes@hermes.localhost>\nSent: Sunday\nSubject: Re: x\n\nDone.";
        assertEquals("Add tests.", InstructionText.extract(body));
    }

    @Test
    void dropsTheSignatureAndTheFooterToken() {
        String body = "Fix the build [hermes:abcdefgh]\nthen tell me.\n-- \nAlice\nSent from my phone";
        assertEquals("Fix the build\nthen tell me.", InstructionText.extract(body));
    }

    @Test
    void skipsInlineQuotesButKeepsTheAnswersBetweenThem() {
        String body = "> Should I use Maven?\nYes.\n> And Java 17?\nAlso yes.";
        assertEquals("Yes.\nAlso yes.", InstructionText.extract(body));
    }
}
