package dev.hermes.orchestrator.container;

import dev.hermes.orchestrator.result.OutputConsumer;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.MalformedMessageException;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.message.QueueMessage;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Moves a container's dead-lettered commands back onto its {@code -in.fifo}: first whatever still
 * sits in {@code -dlq.fifo} (sent on, then deleted from the DLQ), then every command whose row is
 * DEAD_LETTERED (rebuilt from the row with a new sequence number). Each send carries a new FIFO
 * deduplication id (SQS would drop the original id's repeat), derived from what it moves, so a
 * redrive retried after a crash does not queue a command twice; each row moves to QUEUED by a
 * conditional write. Then the container is started if it is cold.
 */
@Singleton
public class DlqRedrive {
    private static final Logger LOG = LoggerFactory.getLogger(DlqRedrive.class);
    /** One call moves at most this many DLQ messages; call again for more. */
    static final int MAX_FROM_QUEUE = 10_000;
    private final ContainerStore containers;
    private final DeadLetteredCommands dead;
    private final ContainerStarter starter;
    private final OutputConsumer outputs;
    private final SqsClient sqs;
    private final MessageCodec codec;

    public DlqRedrive(ContainerStore containers, DeadLetteredCommands dead, ContainerStarter starter,
                      OutputConsumer outputs, SqsClient sqs, MessageCodec codec) {
        this.containers = containers;
        this.dead = dead;
        this.starter = starter;
        this.outputs = outputs;
        this.sqs = sqs;
        this.codec = codec;
    }

    @Serdeable
    public record Result(String containerKey, int moved, int fromQueue, int fromTable) {
    }

    /** @throws QueuesMissingException when the container has no queues (nothing can be dead-lettered) */
    public Result redrive(ContainerKey key) {
        ContainerQueues queues = containers.find(key).map(ContainerRecord::queues)
                .orElseThrow(() -> new QueuesMissingException(key));
        int fromQueue = fromDlq(key, queues);
        int fromTable = 0;
        for (DeadLetteredCommands.DeadLetter d : dead.of(key)) {
            ContainerStore.Sequenced taken = containers.nextSequence(key);
            CommandMessage m = d.message();
            CommandMessage again = CommandMessage.of(m.commandId(), m.threadId(), m.containerKey(), taken.sequence(),
                    m.channel(), m.title(), m.instruction(), m.createdAt());
            send(queues, key, codec.encode(again), m.commandId().value() + "-r" + (d.redrives() + 1));
            if (dead.requeue(m.commandId(), taken.sequence(), d.redrives())) {
                fromTable++;
            }
        }
        int moved = fromQueue + fromTable;
        if (moved > 0) {
            LOG.info("redrove {} commands of {} ({} from the DLQ, {} from the table)", moved, key, fromQueue, fromTable);
            outputs.watch(key, queues.out());
            containers.find(key).ifPresent(row -> starter.start(key, row));
        }
        return new Result(key.value(), moved, fromQueue, fromTable);
    }

    private int fromDlq(ContainerKey key, ContainerQueues queues) {
        int moved = 0;
        while (moved < MAX_FROM_QUEUE) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queues.dlq()).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).visibilityTimeout(60)).messages();
            if (batch.isEmpty()) {
                return moved;
            }
            for (Message m : batch) {
                // The DLQ keeps the message id of the original: the same message always gets the same dedup id.
                send(queues, key, m.body(), "dlq-" + m.messageId());
                commandOf(m).ifPresent(c -> dead.requeueIfDeadLettered(c.commandId()));
                sqs.deleteMessage(b -> b.queueUrl(queues.dlq()).receiptHandle(m.receiptHandle()));
                moved++;
            }
        }
        return moved;
    }

    private Optional<CommandMessage> commandOf(Message m) {
        try {
            QueueMessage decoded = codec.decode(m.body());
            return decoded instanceof CommandMessage c ? Optional.of(c) : Optional.empty();
        } catch (MalformedMessageException e) {
            LOG.warn("DLQ message {} is not a command; moved as it is", m.messageId());
            return Optional.empty();
        }
    }

    private void send(ContainerQueues queues, ContainerKey key, String body, String dedupId) {
        sqs.sendMessage(b -> b.queueUrl(queues.in()).messageBody(body).messageGroupId(key.value())
                .messageDeduplicationId(dedupId));
    }
}
