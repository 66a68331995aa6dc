package dev.hermes.orchestrator.interrupt;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.container.ContainerQueues;
import dev.hermes.orchestrator.container.ContainerRecord;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.message.InterruptMessage;
import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.state.InterruptKind;
import dev.hermes.protocol.naming.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DESIGN §6: when a command is dispatched while the container's worker runs another, the running one
 * is told to stop, on {@code -ctl} (never behind it on the FIFO queue): SUPERSEDE when the new command
 * belongs to the same thread, PREEMPT otherwise. The running command and its thread are what the
 * worker recorded on the container's row, fenced by its lease; a row whose lease has expired runs
 * nothing (its worker is gone) and gets no interrupt.
 */
@Singleton
public class InterruptSender {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptSender.class);
    private final SqsClient sqs;
    private final MessageCodec codec;
    private final Clock clock;
    private final MeterRegistry meters;

    public InterruptSender(SqsClient sqs, MessageCodec codec, Clock clock, MeterRegistry meters) {
        this.sqs = sqs;
        this.codec = codec;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Sends the interrupt {@code command}'s arrival calls for, if any. A failed send is logged, not
     * thrown: the command is already queued and runs once the other ends.
     *
     * @param container the container's row as read at dispatch
     * @return the kind of interrupt sent, empty when none was needed (or it could not be sent)
     */
    public Optional<InterruptKind> interruptRunning(CommandRecord command, ContainerRecord container,
                                                    ContainerQueues queues) {
        String running = container.runningCommand();
        if (running == null || running.equals(command.commandId().value()) || container.leaseOwner() == null
                || container.leaseExpiresAt() <= clock.millis()) {
            return Optional.empty();
        }
        InterruptKind kind = command.threadId().value().equals(container.runningThread())
                ? InterruptKind.SUPERSEDE : InterruptKind.PREEMPT;
        // acceptedAt: when the intake took the newer message (this clock), for the worker's latency report.
        InterruptMessage interrupt = InterruptMessage.of(command.containerKey(), new CommandId(running),
                command.commandId(), kind, clock.instant(), Instant.ofEpochMilli(command.createdAt()));
        try {
            sqs.sendMessage(b -> b.queueUrl(queues.ctl()).messageBody(codec.encode(interrupt)));
        } catch (SdkException e) {
            LOG.warn("could not send {} of command {} to {}: {}", kind, running, queues.ctl(), e.toString());
            return Optional.empty();
        }
        meters.counter(MetricNames.INTERRUPTS_SENT, MetricNames.TAG_KIND, kind.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        LOG.info("sent {} of running command {} for command {}", kind, running, command.commandId());
        return Optional.of(kind);
    }
}
