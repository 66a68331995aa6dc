package dev.hermes.orchestrator.local;

import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.MessageCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Reads what the intake put on a queue of the shared test Hermes. */
public final class TestQueues {
    private TestQueues() {
    }

    /**
     * Receives and deletes commands from a FIFO queue, in queue order, until {@code expected} have
     * arrived (a FIFO group yields its next messages only once the received ones are deleted).
     */
    public static List<CommandMessage> drain(String queueUrl, int expected) {
        SqsClient sqs = TestHermes.get().context().getBean(SqsClient.class);
        MessageCodec codec = TestHermes.get().context().getBean(MessageCodec.class);
        List<CommandMessage> seen = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).visibilityTimeout(600).waitTimeSeconds(1))
                    .messages().forEach(m -> {
                        seen.add(codec.decode(m.body(), CommandMessage.class));
                        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                    });
            return seen.size() >= expected;
        });
        return seen;
    }
}
