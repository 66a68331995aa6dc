package dev.hermes.orchestrator.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hermes.orchestrator.local.TestHermes;
import dev.hermes.orchestrator.local.TestQueues;
import dev.hermes.orchestrator.storage.BackendUnavailableException;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.state.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** SendMessageBatch against ElasticMQ: chunks of ten, in order, and a refused entry fails alone. */
class SqsBatchSenderTest {
    private static final ContainerKey KEY = ContainerKey.parse("sample#alice");

    @Test
    void anEntryThatSqsRefusesFailsAloneAndTheOthersAreQueuedInOrder() {
        SqsClient sqs = TestHermes.get().context().getBean(SqsClient.class);
        SqsBatchSender sender = TestHermes.get().context().getBean(SqsBatchSender.class);
        String queue = sqs.createQueue(b -> b.queueName("sender-" + UUID.randomUUID() + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false"))).queueUrl();
        List<CommandMessage> messages = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            // U+FFFE is outside the characters an SQS message may carry: SQS refuses that entry.
            // U+FFFF makes ElasticMQ refuse the whole request: the sender then sends one by one.
            String instruction = i == 4 ? "not sendable \uFFFE" : i == 11 ? "not parseable \uFFFF" : "task " + i;
            messages.add(CommandMessage.of(CommandId.of("test", UUID.randomUUID().toString()),
                    ThreadId.fromRootKey("sender-test", 0), KEY, 100 + i, Channel.EMAIL, "t", instruction, Instant.now()));
        }

        List<RuntimeException> failures = sender.send(queue, KEY.value(), messages);

        for (int i = 0; i < messages.size(); i++) {
            if (i == 4 || i == 11) {
                assertInstanceOf(BackendUnavailableException.class, failures.get(i));
            } else {
                assertNull(failures.get(i), "message " + i);
            }
        }
        List<Long> sequences = TestQueues.drain(queue, 11).stream().map(CommandMessage::sequence).toList();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            if (i != 4 && i != 11) {
                expected.add(100L + i);
            }
        }
        assertEquals(expected, sequences, "every sendable command once, in the order given");
    }
}
