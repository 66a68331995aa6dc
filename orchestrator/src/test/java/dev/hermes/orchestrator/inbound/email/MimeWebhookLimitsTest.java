package dev.hermes.orchestrator.inbound.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The parsing limits through the real {@code POST /webhooks/email/mime} of a local Hermes: a 4xx
 * with a one-line JSON reason, and not a row in any table.
 */
class MimeWebhookLimitsTest {
    @TempDir
    static Path root;
    private static LocalHermes hermes;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        hermes = LocalHermes.start(LocalOptions.forTests(root, repo.resolve("examples/local.yml"),
                root.resolve("no-worker.jar"), 5));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hermes != null) {
            hermes.close();
        }
    }

    private static HttpResponse<String> post(String message) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hermes.url() + "/webhooks/email/mime"))
                .header("Content-Type", "message/rfc822")
                .header(MimeWebhookController.SECRET_HEADER, hermes.property("mimeSecret"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.getBytes(StandardCharsets.UTF_8))).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String mail(String extraHeaders, String body) {
        return "From: alice@example.com\r\nTo: hermes@hermes.localhost\r\nSubject: limits\r\nMessage-ID: <"
                + System.nanoTime() + "@example.com>\r\n" + extraHeaders + "\r\n" + body;
    }

    @Test
    void tooManyHeaderFieldsTooLongALineOrTooLongAnInstructionAreRefusedAndLeaveNothing() throws Exception {
        HttpResponse<String> fields = post(mail("X-Filler: 1\r\n".repeat(250), "Do it."));
        assertEquals(400, fields.statusCode(), fields.body());
        assertTrue(fields.body().contains("\"error\":\"header_limit\""), fields.body());

        HttpResponse<String> line = post(mail("X-Long: " + "a".repeat(9000) + "\r\n", "Do it."));
        assertEquals(400, line.statusCode(), line.body());
        assertTrue(line.body().contains("\"error\":\"header_limit\""), line.body());

        HttpResponse<String> instruction = post(mail("", "word ".repeat(5000)));
        assertEquals(413, instruction.statusCode(), instruction.body());
        assertTrue(instruction.body().contains("\"error\":\"instruction_too_long\""), instruction.body());
        assertTrue(!instruction.body().contains("\n"), "one line");

        DynamoDbClient dynamo = hermes.context().getBean(DynamoDbClient.class);
        var names = hermes.context().getBean(TablesConfig.class).names();
        for (String table : List.of(names.commands(), names.threads(), names.threadKeys(), names.outbox())) {
            assertEquals(0, dynamo.scan(b -> b.tableName(table)).count(), table + " must stay empty");
        }
    }
}
