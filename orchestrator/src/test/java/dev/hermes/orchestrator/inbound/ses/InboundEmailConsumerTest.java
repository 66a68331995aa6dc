package dev.hermes.orchestrator.inbound.ses;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.naming.QueueNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** The inbound-email queue (SES → SNS → SQS) on ElasticMQ: valid mail becomes a command, poison goes to the DLQ. */
class InboundEmailConsumerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static SesHarness hermes;
    private static SqsClient sqs;
    private static String queueUrl;
    private static String dlqUrl;
    private static final Map<String, Message> dead = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        hermes = SesHarness.shared();
        sqs = hermes.context.getBean(SqsClient.class);
        await().atMost(DEADLINE).ignoreException(QueueDoesNotExistException.class).until(() -> {
            queueUrl = sqs.getQueueUrl(b -> b.queueName(QueueNames.inboundEmail("hermes-"))).queueUrl();
            dlqUrl = sqs.getQueueUrl(b -> b.queueName(QueueNames.inboundEmailDlq("hermes-"))).queueUrl();
            return true;
        });
    }

    private static String sesId() {
        return "ses" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String validEnvelope(String id) {
        return SnsEnvelope.notification(SnsEnvelope.inlineReceipt(id, List.of("sample@hermes.localhost"),
                SnsEnvelope.mime(id + "@example.com", "Queue", "Handle mail from the queue."))).signed().json();
    }

    private static boolean commandExists(String id) {
        return hermes.context.getBean(CommandStore.class).find(CommandId.of("email", id)).isPresent();
    }

    private static void send(String body) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    /** Reads the DLQ (keeping what it saw) until a message with this body is there. */
    private static Message inDlq(String body) {
        await().atMost(DEADLINE).until(() -> {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages()) {
                dead.put(m.body(), m);
            }
            return dead.containsKey(body);
        });
        return dead.get(body);
    }

    @Test
    void validEnvelopeBecomesACommandAndLeavesTheQueue() {
        String id = sesId();
        send(validEnvelope(id));
        await().atMost(DEADLINE).until(() -> commandExists(id));
        await().atMost(DEADLINE).until(() -> {
            Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    && "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        });
    }

    @Test
    void poisonGoesToTheDlqWithItsReasonAndTheMailBehindItIsProcessed() {
        String garbage = "not json at all " + UUID.randomUUID();
        String badSignature = SnsEnvelope.notification(SnsEnvelope.inlineReceipt(sesId(), List.of("sample@hermes.localhost"),
                SnsEnvelope.mime("x@example.com", "Forged", "Forged."))).signedBy(SnsTestKeys.get().wrongKey).json();
        String id = sesId();
        send(garbage);
        send(badSignature);
        send(validEnvelope(id));

        await().atMost(DEADLINE).until(() -> commandExists(id));
        assertEquals("not_sns", inDlq(garbage).messageAttributes().get("hermes-error").stringValue());
        assertEquals("bad_signature", inDlq(badSignature).messageAttributes().get("hermes-error").stringValue());
        assertTrue(inDlq(badSignature).messageAttributes().get("hermes-reason").stringValue().contains("signature"));
    }

    @Test
    void thePollLoopSurvivesItsQueueVanishingAndPicksUpTheNewOne() {
        sqs.deleteQueue(b -> b.queueUrl(queueUrl));
        await().atMost(DEADLINE).ignoreException(QueueDoesNotExistException.class)
                .until(() -> sqs.getQueueUrl(b -> b.queueName(QueueNames.inboundEmail("hermes-"))).queueUrl() != null);
        queueUrl = sqs.getQueueUrl(b -> b.queueName(QueueNames.inboundEmail("hermes-"))).queueUrl();
        String id = sesId();
        send(validEnvelope(id));
        await().atMost(DEADLINE).until(() -> commandExists(id));
    }

    @Test
    void rawDeliveryIsRefusedUnlessEnabled() {
        String raw = SnsEnvelope.inlineReceipt(sesId(), List.of("sample@hermes.localhost"),
                SnsEnvelope.mime("raw@example.com", "Raw", "Unsigned."));
        send(raw);
        assertEquals("not_sns", inDlq(raw).messageAttributes().get("hermes-error").stringValue());
    }
}
