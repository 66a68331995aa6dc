package dev.hermes.orchestrator.inbound.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.local.TestHermes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Whatever arrives at the MIME webhook, the answer is a 4xx with a reason and nothing is written. */
class MimeWebhookMalformedInputTest {
    private static final String GOOD_HEADERS = "From: alice@example.com\r\nTo: hermes@hermes.localhost\r\n"
            + "Message-ID: <m-%s@example.com>\r\n";

    static Stream<Arguments> malformed() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        return Stream.of(
                Arguments.of("empty body", "message/rfc822", new byte[0], 400),
                Arguments.of("binary garbage", "message/rfc822", garbage, 400),
                Arguments.of("JSON instead of MIME", "application/json", "{\"from\":\"alice\"}".getBytes(), 415),
                Arguments.of("no From", "message/rfc822", "Subject: hi\r\n\r\nDo it\r\n".getBytes(), 400),
                Arguments.of("invalid UTF-8 sender", "message/rfc822",
                        bytes("From: \u00ff\u00fe\u00fd@example.com\r\nMessage-ID: <x1@e>\r\n\r\nDo it\r\n"), 403),
                Arguments.of("truncated after the headers", "message/rfc822",
                        String.format(GOOD_HEADERS, "trunc").getBytes(), 422),
                Arguments.of("multipart without its boundary", "message/rfc822", bytes(String.format(GOOD_HEADERS, "mp")
                        + "Content-Type: multipart/mixed; boundary=\"zzz\"\r\n\r\n--yyy\r\nno parts here\r\n"), 400),
                Arguments.of("only quoted text", "message/rfc822", bytes(String.format(GOOD_HEADERS, "q")
                        + "\r\n> earlier words\r\n> more\r\n"), 422));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void answersA4xxAndWritesNothing(String name, String contentType, byte[] body, int expected) {
        long before = commandCount();
        HttpResponse<String> r = TestHermes.send(TestHermes.request("/webhooks/email/mime")
                .header("Content-Type", contentType)
                .header("X-Hermes-Secret", TestHermes.get().property("mimeSecret"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(expected, r.statusCode(), name + ": " + r.body());
        assertTrue(r.body().isEmpty() || r.body().contains("\"message\""), r.body());
        assertEquals(before, commandCount(), name + " left a record");
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static long commandCount() {
        return TestHermes.get().context().getBean(DynamoDbClient.class)
                .scan(b -> b.tableName("hermes-commands").consistentRead(true)).count();
    }
}
