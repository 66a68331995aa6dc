package dev.hermes.orchestrator.dispatch;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.container.ContainerQueues;
import dev.hermes.orchestrator.container.ContainerRecord;
import dev.hermes.orchestrator.container.ContainerStarter;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.container.QueuesMissingException;
import dev.hermes.orchestrator.interrupt.InterruptSender;
import dev.hermes.orchestrator.reply.ReplyService;
import dev.hermes.orchestrator.result.OutputConsumer;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.message.MessageCodec;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Puts a recorded command on its container's input queue and makes sure a worker will take it:
 * queues first, then the sequence number, the FIFO send (deduplicated on the command id), the
 * status, and a start if no worker holds the lease.
 */
@Singleton
public class Dispatcher {
    private final QueueProvisioner provisioner;
    private final ContainerStore containers;
    private final CommandStore commands;
    private final ContainerStarter starter;
    private final OutputConsumer outputs;
    private final SqsClient sqs;
    private final MessageCodec codec;
    private final ReplyService replies;
    private final InterruptSender interrupts;
    private final Map<ContainerKey, ContainerQueues> knownQueues = new ConcurrentHashMap<>();

    public Dispatcher(QueueProvisioner provisioner, ContainerStore containers, CommandStore commands,
                      ContainerStarter starter, OutputConsumer outputs, SqsClient sqs, MessageCodec codec,
                      ReplyService replies, InterruptSender interrupts) {
        this.provisioner = provisioner;
        this.containers = containers;
        this.commands = commands;
        this.starter = starter;
        this.outputs = outputs;
        this.sqs = sqs;
        this.codec = codec;
        this.replies = replies;
        this.interrupts = interrupts;
    }

    public void dispatch(CommandRecord command) {
        queuesOf(command.containerKey());
        ContainerStore.Sequenced taken = takeSequence(command.containerKey());
        ContainerQueues queues = taken.container().queues();
        long sequence = taken.sequence();
        CommandMessage message = CommandMessage.of(command.commandId(), command.threadId(), command.containerKey(),
                sequence, command.channel(), command.title(), command.instruction(),
                Instant.ofEpochMilli(command.createdAt()));
        sqs.sendMessage(b -> b.queueUrl(queues.in())
                .messageBody(codec.encode(message))
                .messageGroupId(command.containerKey().value())
                .messageDeduplicationId(command.commandId().value()));
        interrupts.interruptRunning(command, taken.container(), queues);
        commands.markQueued(command.commandId(), sequence);
        outputs.watch(command.containerKey(), queues.out());
        if (starter.ensureStarted(command.containerKey(), taken.container())) {
            replies.acknowledgeStart(command); // a cold start: "starting your workspace…"
        }
    }

    /** The next sequence number; when cleanup deleted the queues of a long-COLD container, they are created again. */
    private ContainerStore.Sequenced takeSequence(ContainerKey key) {
        try {
            return containers.nextSequence(key);
        } catch (QueuesMissingException e) {
            knownQueues.remove(key);
            queuesOf(key);
            return containers.nextSequence(key);
        }
    }

    /** Queue URLs never change while they exist: known ones are kept in memory. */
    private ContainerQueues queuesOf(ContainerKey key) {
        ContainerQueues known = knownQueues.get(key);
        if (known == null) {
            known = containers.find(key).map(ContainerRecord::queues).orElse(null);
        }
        if (known == null) {
            known = provisioner.ensure(key);
            containers.recordQueues(key, known);
        }
        knownQueues.put(key, known);
        return known;
    }
}
