package dev.hermes.orchestrator.inbound.ses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.inbound.IntakeOutcome;
import dev.hermes.protocol.id.CommandId;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /webhooks/email/sns} end to end on the emulators: SES receipts inline and in S3, subscriptions, replays. */
class SnsWebhookTest {
    private static SesHarness hermes;

    @BeforeAll
    static void start() throws Exception {
        hermes = SesHarness.shared();
    }

    private static String sesId() {
        return "ses" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Optional<CommandRecord> command(String sesMessageId) {
        return hermes.context.getBean(CommandStore.class).find(CommandId.of("email", sesMessageId));
    }

    @Test
    void inlineReceiptBecomesACommandKeyedBySesMessageIdAndAReplayIsADuplicate() throws Exception {
        String id = sesId();
        SnsEnvelope delivery = SnsEnvelope.notification(SnsEnvelope.inlineReceipt(id, List.of("sample@hermes.localhost"),
                SnsEnvelope.mime(id + "@example.com", "Greeting", "Please add a greeting to the README."))).signed();
        HttpResponse<String> first = hermes.post(delivery);
        assertEquals(202, first.statusCode(), first.body());
        CommandRecord command = command(id).orElseThrow();
        assertEquals("Please add a greeting to the README.", command.instruction());
        assertEquals("sample", command.containerKey().project().value());

        HttpResponse<String> replay = hermes.post(delivery);
        assertEquals(200, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("\"duplicate\""), replay.body());
    }

    @Test
    void version2AndUtf8EncodedContent() throws Exception {
        String id = sesId();
        String receipt = SnsEnvelope.inlineReceipt(id, List.of("sample@hermes.localhost"),
                SnsEnvelope.mime(id + "@example.com", "Docs", "Document the SNS intake."))
                .replace("\"BASE64\"", "\"UTF8\"");
        String mime = SnsEnvelope.mime(id + "@example.com", "Docs", "Document the SNS intake.");
        receipt = receipt.replaceAll("\"content\":\"[^\"]*\"", "\"content\":" + io.micronaut.json.JsonMapper.createDefault()
                .writeValueAsString(mime).replace("\\", "\\\\").replace("$", "\\$"));
        HttpResponse<String> r = hermes.post(SnsEnvelope.notification(receipt).with("SignatureVersion", "2").signed());
        assertEquals(202, r.statusCode(), r.body());
        assertEquals("Document the SNS intake.", command(id).orElseThrow().instruction());
    }

    @Test
    void s3ReceiptIsReadFromTheBucket() throws Exception {
        String id = sesId();
        hermes.s3.put(SesHarness.BUCKET, "inbound/" + id, SnsEnvelope.mime(id + "@example.com", "Tests",
                "Add a test for the parser.").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = hermes.post(SnsEnvelope.notification(SnsEnvelope.s3Receipt(id,
                List.of("sample@hermes.localhost"), SesHarness.BUCKET, "inbound/" + id)).signed());
        assertEquals(202, r.statusCode(), r.body());
        assertEquals("Add a test for the parser.", command(id).orElseThrow().instruction());
    }

    @Test
    void s3ReceiptForAMissingObjectIsRejectedAndWritesNothing() throws Exception {
        String id = sesId();
        HttpResponse<String> r = hermes.post(SnsEnvelope.notification(SnsEnvelope.s3Receipt(id,
                List.of("sample@hermes.localhost"), SesHarness.BUCKET, "inbound/missing-" + id)).signed());
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(command(id).isEmpty());
    }

    @Test
    void badSignatureStaleMessageAndWrongTopicAreRefusedAndWriteNothing() throws Exception {
        String id = sesId();
        String receipt = SnsEnvelope.inlineReceipt(id, List.of("sample@hermes.localhost"),
                SnsEnvelope.mime(id + "@example.com", "Hi", "Do something."));
        List<SnsEnvelope> bad = List.of(
                SnsEnvelope.notification(receipt).signedBy(SnsTestKeys.get().wrongKey),
                SnsEnvelope.notification(receipt).signed().with("Message", receipt.replace(id, id + "x")),
                SnsEnvelope.notification(receipt).with("Timestamp", Instant.now().minus(Duration.ofHours(2)).toString()).signed(),
                SnsEnvelope.notification(receipt).with("TopicArn", "arn:aws:sns:us-east-1:123456789012:other").signed(),
                SnsEnvelope.notification(receipt).with("SigningCertURL", "https://evil.example.com/x.pem").signed(),
                SnsEnvelope.notification(receipt).with("SignatureVersion", "3").signed());
        for (SnsEnvelope e : bad) {
            HttpResponse<String> r = hermes.post(e);
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().startsWith("{\"error\":"), r.body());
        }
        assertTrue(command(id).isEmpty());
    }

    @Test
    void unknownSenderIsForbiddenWithoutARecord() throws Exception {
        String id = sesId();
        String mime = SnsEnvelope.mime(id + "@example.com", "Hi", "Let me in.").replace("alice@example.com", "mallory@example.com");
        HttpResponse<String> r = hermes.post(SnsEnvelope.notification(SnsEnvelope.inlineReceipt(id,
                List.of("sample@hermes.localhost"), mime)).signed());
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(command(id).isEmpty());
    }

    @Test
    void pinnedSubscriptionIsConfirmed() throws Exception {
        String url = "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" + SnsTestKeys.TOPIC
                + "&Token=" + UUID.randomUUID();
        HttpResponse<String> r = hermes.post(SnsEnvelope.subscription(url).signed());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(hermes.confirmer().confirmed.contains(URI.create(url)), hermes.confirmer().confirmed.toString());
    }

    @Test
    void unpinnedSubscribeUrlIsRefusedAndNeverFetched() throws Exception {
        for (String url : List.of("https://evil.example.com/?Action=ConfirmSubscription",
                "http://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription",
                "https://sns.us-east-1.amazonaws.com.evil.com/?Action=ConfirmSubscription",
                "https://sns.us-east-1.amazonaws.com@evil.com/?Action=ConfirmSubscription")) {
            HttpResponse<String> r = hermes.post(SnsEnvelope.subscription(url).signed());
            assertEquals(403, r.statusCode(), url + " -> " + r.body());
            assertTrue(r.body().contains("untrusted_subscribe_url"), r.body());
            assertTrue(hermes.confirmer().confirmed.stream().noneMatch(u -> u.toString().equals(url)), url);
        }
    }

    @Test
    void rawDeliveryPathTakesTheSesJsonWithoutEnvelope() {
        String id = sesId();
        IntakeOutcome outcome = hermes.context.getBean(SesMailIntake.class).handleUnsigned(SnsEnvelope.inlineReceipt(id,
                List.of("sample@hermes.localhost"), SnsEnvelope.mime(id + "@example.com", "Raw", "Raw delivery works."))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("accepted", outcome.status());
        assertEquals("Raw delivery works.", command(id).orElseThrow().instruction());
    }

    @Test
    void nonReceiptNotificationsAreAcknowledgedAndIgnored() throws Exception {
        int before = hermes.commandCount();
        HttpResponse<String> r = hermes.post(SnsEnvelope.notification(
                "{\"notificationType\":\"AMAZON_SES_SETUP_NOTIFICATION\"}").signed());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("ignored"), r.body());
        assertEquals(before, hermes.commandCount());
    }
}
