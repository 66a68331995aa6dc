package dev.hermes.orchestrator.inbound.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hermes.orchestrator.config.TwilioConfig;
import dev.hermes.orchestrator.inbound.RejectedException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
    /** The worked example of twilio.com/docs/usage/webhooks/webhooks-security (auth token 12345). */
    @Test
    void reproducesTwiliosDocumentedExample() {
        FormBody form = FormBody.parse(("Digits=1234&To=%2B18005551212&From=%2B14158675310"
                + "&Caller=%2B14158675310&CallSid=CA1234567890ABCDE").getBytes(StandardCharsets.US_ASCII));
        assertEquals("GvWf1cFY/Q7PnoempGyD5oXAezc=", TwilioSignature.sign("12345".getBytes(StandardCharsets.UTF_8),
                "https://mycompany.com/myapp.php?foo=1&bar=2", form));
    }

    @Test
    void theConfiguredUrlIsSignedNotTheRequestsHost() {
        String token = "0123456789abcdef0123456789abcdef";
        FormBody form = FormBody.parse("Body=hi&From=%2B15550100001".getBytes(StandardCharsets.US_ASCII));
        TwilioSignature verifier = new TwilioSignature(new TwilioConfig(token, "https://hermes.example.com/webhooks/sms/twilio"));
        String forProxyUrl = TwilioSignature.sign(token.getBytes(StandardCharsets.UTF_8),
                "http://10.0.0.5:8080/webhooks/sms/twilio", form);
        assertEquals(401, assertThrows(RejectedException.class, () -> verifier.verify(form, forProxyUrl)).status());
        verifier.verify(form, TwilioSignature.sign(token.getBytes(StandardCharsets.UTF_8),
                "https://hermes.example.com/webhooks/sms/twilio", form));
    }

    @Test
    void formValuesAreDecodedStrictly() {
        FormBody form = FormBody.parse("Body=caf%C3%A9+au+lait&Empty=".getBytes(StandardCharsets.US_ASCII));
        assertEquals("café au lait", form.first("Body").orElseThrow());
        assertEquals("", form.first("Empty").orElseThrow());
        assertEquals(400, assertThrows(RejectedException.class,
                () -> FormBody.parse("Body=%FF".getBytes(StandardCharsets.US_ASCII))).status());
        assertEquals(400, assertThrows(RejectedException.class,
                () -> FormBody.parse("Body=%G1".getBytes(StandardCharsets.US_ASCII))).status());
    }

    @Test
    void thePairKeyIsTheSameFromEitherSide() {
        assertEquals("sms:+15550100000|+15550100001", SmsMessages.pairKey("+15550100001", "+15550100000"));
        assertEquals(SmsMessages.pairKey("+15550100001", "+15550100000"), SmsMessages.pairKey("+15550100000", "+15550100001"));
    }
}
