package dev.hermes.orchestrator.inbound.ses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever arrives at {@code /webhooks/email/sns}, bad input is a 4xx and writes no command. */
class SnsWebhookMalformedInputTest {
    private static final String TEXT = "text/plain; charset=UTF-8";
    private static SesHarness hermes;

    @BeforeAll
    static void start() throws Exception {
        hermes = SesHarness.shared();
    }

    private static SnsEnvelope valid() {
        String id = "ses" + UUID.randomUUID().toString().replace("-", "");
        return SnsEnvelope.notification(SnsEnvelope.inlineReceipt(id, List.of("sample@hermes.localhost"),
                SnsEnvelope.mime(id + "@example.com", "Hi", "Malformed input must not get here.")));
    }

    static Stream<Arguments> malformed() {
        String full = valid().signed().json();
        byte[] invalidUtf8 = full.getBytes(StandardCharsets.UTF_8);
        invalidUtf8[20] = (byte) 0xC3;
        invalidUtf8[21] = (byte) 0x28;
        byte[] huge = new byte[2 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        return Stream.of(
                Arguments.of("truncated JSON", TEXT, "Notification", full.substring(0, full.length() / 2).getBytes(StandardCharsets.UTF_8)),
                Arguments.of("invalid JSON", TEXT, "Notification", "{\"Type\": Notification,}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("JSON array", TEXT, "Notification", "[1,2,3]".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("empty body", TEXT, "Notification", new byte[0]),
                Arguments.of("wrong content type", "application/x-www-form-urlencoded", "Notification",
                        full.getBytes(StandardCharsets.UTF_8)),
                Arguments.of("huge body", TEXT, "Notification", huge),
                Arguments.of("invalid UTF-8", TEXT, "Notification", invalidUtf8),
                Arguments.of("missing type header", TEXT, null, full.getBytes(StandardCharsets.UTF_8)),
                Arguments.of("type header disagrees", TEXT, "SubscriptionConfirmation", full.getBytes(StandardCharsets.UTF_8)),
                Arguments.of("missing Signature", TEXT, "Notification", valid().json().getBytes(StandardCharsets.UTF_8)),
                Arguments.of("missing Message", TEXT, "Notification", valid().with("Message", null).signed().bytes()),
                Arguments.of("missing TopicArn", TEXT, "Notification", valid().with("TopicArn", null).signed().bytes()),
                Arguments.of("unknown Type", TEXT, "Notification", valid().with("Type", "Surprise").signed().bytes()),
                Arguments.of("signed, but Message is not JSON", TEXT, "Notification",
                        SnsEnvelope.notification("{\"notificationType\":\"Received\",").signed().bytes()),
                Arguments.of("signed receipt without mail", TEXT, "Notification", SnsEnvelope.notification(
                        "{\"notificationType\":\"Received\",\"receipt\":{}}").signed().bytes()),
                Arguments.of("signed receipt with bad base64", TEXT, "Notification", SnsEnvelope.notification(
                        "{\"notificationType\":\"Received\",\"mail\":{\"messageId\":\"abc\"},\"receipt\":{\"action\":"
                                + "{\"type\":\"SNS\",\"encoding\":\"BASE64\"}},\"content\":\"***\"}").signed().bytes()),
                Arguments.of("signed receipt with invalid MIME", TEXT, "Notification", SnsEnvelope.notification(
                        "{\"notificationType\":\"Received\",\"mail\":{\"messageId\":\"abd\"},\"receipt\":{\"action\":"
                                + "{\"type\":\"SNS\",\"encoding\":\"UTF8\"}},\"content\":\"no headers at all\"}").signed().bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isRejectedWith4xxAndWritesNothing(String name, String contentType, String type, byte[] body) throws Exception {
        int before = hermes.commandCount();
        HttpResponse<String> r = hermes.post(contentType, type, body);
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, name + " -> " + r.statusCode() + " " + r.body());
        assertEquals(before, hermes.commandCount(), name + " wrote a command");
    }

    @Test
    void hugeBodyIs413() throws Exception {
        byte[] huge = new byte[2 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        assertEquals(413, hermes.post(TEXT, "Notification", huge).statusCode());
    }
}
