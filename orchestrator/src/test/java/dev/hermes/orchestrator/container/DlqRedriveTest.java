package dev.hermes.orchestrator.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.TestHermes;
import dev.hermes.orchestrator.routing.Person;
import dev.hermes.orchestrator.routing.RouteStore;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.id.UserId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.MessageCodec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code POST /api/dlq/{containerKey}/redrive} over the real intake, queues and tables (no worker runs
 * here): a command the DLQ watcher marked DEAD_LETTERED (its DLQ message already deleted) and one still
 * sitting in {@code -dlq.fifo} both go back on {@code -in.fifo}, although SQS saw their original
 * deduplication ids minutes ago; a second redrive moves nothing.
 */
class DlqRedriveTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContainerKey DORA = ContainerKey.parse("sample#dora");

    @Test
    void deadLetteredCommandsGoBackOnTheInputQueueOnce() throws Exception {
        LocalHermes hermes = TestHermes.get();
        hermes.context().getBean(RouteStore.class).putRoute("email:dora@example.com",
                new Person(new UserId("dora"), List.of(new ProjectId("sample"))));
        String marked = accept("First, to be dead-lettered by the watcher");
        String inDlq = accept("Second, still in the DLQ");
        ContainerQueues queues = hermes.context().getBean(ContainerStore.class).find(DORA).orElseThrow().queues();
        SqsClient sqs = hermes.context().getBean(SqsClient.class);
        MessageCodec codec = hermes.context().getBean(MessageCodec.class);

        // Take both off -in.fifo: one as the DLQ watcher leaves it (row DEAD_LETTERED, message gone),
        // one as SQS's redrive policy leaves it (in the DLQ, row untouched).
        for (Message m : receiveAll(sqs, queues.in())) {
            CommandMessage c = codec.decode(m.body(), CommandMessage.class);
            if (c.commandId().value().equals(marked)) {
                markDeadLettered(hermes, marked);
            } else {
                sqs.sendMessage(b -> b.queueUrl(queues.dlq()).messageBody(m.body()).messageGroupId(DORA.value())
                        .messageDeduplicationId(c.commandId().value()));
            }
            sqs.deleteMessage(b -> b.queueUrl(queues.in()).receiptHandle(m.receiptHandle()));
        }
        CommandStore commands = hermes.context().getBean(CommandStore.class);
        long oldSequence = commands.find(new CommandId(marked)).orElseThrow().sequence();

        JsonNode first = redrive();
        assertEquals(2, first.get("moved").asInt(), first.toString());
        // The DLQ watcher may take the DLQ's message first (it then marks the row DEAD_LETTERED and
        // deletes the message): either way both come back, each once.
        assertEquals(2, first.get("fromQueue").asInt() + first.get("fromTable").asInt(), first.toString());
        assertTrue(first.get("fromTable").asInt() >= 1, first.toString());

        List<Message> back = receiveAll(sqs, queues.in());
        Set<String> ids = back.stream().map(m -> codec.decode(m.body(), CommandMessage.class).commandId().value())
                .collect(Collectors.toSet());
        assertEquals(Set.of(marked, inDlq), ids, "both are on -in.fifo again");
        assertTrue(receiveAll(sqs, queues.dlq()).isEmpty(), "the DLQ is empty");
        assertEquals("QUEUED", commands.find(new CommandId(marked)).orElseThrow().status().name());
        assertNotEquals(oldSequence, commands.find(new CommandId(marked)).orElseThrow().sequence(), "a new sequence number");
        for (Message m : back) {
            sqs.changeMessageVisibility(b -> b.queueUrl(queues.in()).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        }

        JsonNode again = redrive();
        assertEquals(0, again.get("moved").asInt(), "nothing is dead-lettered any more");
        assertEquals(2, receiveAll(sqs, queues.in()).size(), "and nothing was queued twice");
    }

    private static String accept(String text) throws Exception {
        HttpResponse<String> r = TestHermes.postMime(MimeBuilder.build("dora@example.com",
                "hermes@" + LocalHermes.EMAIL_DOMAIN, "Redrive", text, null));
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("commandId").asText();
    }

    private static JsonNode redrive() throws Exception {
        HttpResponse<String> r = TestHermes.send(TestHermes.api("/api/dlq/sample%23dora/redrive")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static void markDeadLettered(LocalHermes hermes, String commandId) {
        hermes.context().getBean(DynamoDbClient.class).updateItem(b -> b.tableName("hermes-commands")
                .key(Map.of("commandId", AttributeValue.fromS(commandId)))
                .updateExpression("SET #s = :dead").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":dead", AttributeValue.fromS("DEAD_LETTERED"))));
    }

    /** Everything visible on a FIFO queue now (each receive of a group waits for the previous batch). */
    private static List<Message> receiveAll(SqsClient sqs, String url) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(30)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }
}
