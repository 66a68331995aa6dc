package dev.hermes.orchestrator.inbound;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.commit.CommitResult;
import dev.hermes.orchestrator.commit.GroupCommitter;
import dev.hermes.orchestrator.commit.IntakeWrite;
import dev.hermes.orchestrator.dispatch.Dispatcher;
import dev.hermes.orchestrator.metrics.IntakeMetrics;
import dev.hermes.orchestrator.routing.Person;
import dev.hermes.orchestrator.routing.RouteStore;
import dev.hermes.orchestrator.storage.Batcher;
import dev.hermes.orchestrator.thread.ResolvedThread;
import dev.hermes.orchestrator.thread.ThreadResolver;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.state.CommandStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * DESIGN §6 intake, for every channel: route -> thread -> durable command -> dispatch. The reads
 * and checks happen on the caller's thread; the writes (command, new thread or touch, keys) go to
 * the group committer, which records concurrent messages in one transaction. A message seen before
 * is a duplicate and changes nothing, unless it never reached its queue (then the dispatch is
 * completed, which the FIFO deduplication makes safe).
 */
@Singleton
public class Intake {
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    private final RouteStore routes;
    private final ThreadResolver resolver;
    private final GroupCommitter committer;
    private final CommandStore commands;
    private final Dispatcher dispatcher;
    private final SenderRateLimiter rateLimiter;
    private final Clock clock;
    private final IntakeMetrics metrics;

    public Intake(RouteStore routes, ThreadResolver resolver, GroupCommitter committer, CommandStore commands,
                  Dispatcher dispatcher, SenderRateLimiter rateLimiter, Clock clock, IntakeMetrics metrics) {
        this.metrics = metrics;
        this.rateLimiter = rateLimiter;
        this.routes = routes;
        this.resolver = resolver;
        this.committer = committer;
        this.commands = commands;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public IntakeOutcome accept(InboundMessage message) {
        long started = System.nanoTime();
        CommandId commandId = CommandId.of(message.channel().name().toLowerCase(Locale.ROOT), message.providerEventId());
        MDC.put("commandId", commandId.value());
        try {
            // No read before the write: thread resolution is deterministic for a redelivered event
            // (same root, same hints), and the conditional put of the command is the dedupe check.
            Person person = routes.findPerson(message.routeKey())
                    .orElseThrow(() -> new RejectedException(403, "unknown_sender", "the sender is not routed to any project"));
            long wait = rateLimiter.secondsUntilAllowed(message.routeKey());
            if (wait > 0) {
                throw RejectedException.tooManyRequests(wait);
            }
            ProjectId project = message.projectHint().filter(person::mayUse).orElse(person.defaultProject());
            if (routes.findProject(project).isEmpty()) {
                throw new RejectedException(403, "unknown_project", "project " + project + " is not configured");
            }
            ContainerKey container = new ContainerKey(project, person.userId());
            return record(message, commandId, container, resolver.plan(message, person.userId(), container), started);
        } finally {
            MDC.remove("commandId");
            MDC.remove("threadId");
        }
    }

    /** Commits the message's writes, settles a taken thread id once, and dispatches. */
    private IntakeOutcome record(InboundMessage message, CommandId commandId, ContainerKey container,
                                 ResolvedThread planned, long started) {
        ResolvedThread resolved = planned;
        boolean settled = false;
        while (true) {
            MDC.put("threadId", resolved.thread().threadId().value());
            CommandRecord command = CommandRecord.received(commandId, resolved.thread().threadId(),
                    resolved.thread().containerKey(), message.channel(), QueueSafeText.clean(message.title()),
                    QueueSafeText.clean(message.instruction()), message.replyRoute(), resolved.signal(),
                    message.attachments(), clock.millis());
            IntakeWrite write = settled ? IntakeWrite.settled(command, resolved, message.ownKeys(), clock.millis())
                    : IntakeWrite.planned(command, resolved, message.ownKeys(), clock.millis());
            // The dispatcher takes the sequence number while the write is in flight, and sends once
            // it is durable: the two requests overlap instead of following each other.
            CompletableFuture<CommitResult> committed = committer.submit(write);
            CompletableFuture<Long> queued = dispatcher.submitWhenDurable(command,
                    committed.thenApply(result -> result == CommitResult.COMMITTED));
            switch (Batcher.await(committed, "intake commit")) {
                case COMMITTED -> {
                    Batcher.await(queued, "dispatch");
                    metrics.accepted(message.channel(), System.nanoTime() - started);
                    LOG.info("accepted {} command for {} via {} ({} chars)", message.channel(), command.containerKey(),
                            resolved.signal(), message.instruction().length());
                    return IntakeOutcome.accepted(command.threadId(), commandId, resolved.signal());
                }
                // Seen before (a redelivery, or another delivery racing this one).
                case DUPLICATE -> {
                    return again(commands.find(commandId).orElseThrow());
                }
                case THREAD_TAKEN -> {
                    if (settled) {
                        throw new IllegalStateException("thread " + command.threadId() + " was taken after it was settled");
                    }
                    // The planned id belongs to another root key, or this conversation's thread was
                    // created meanwhile: the resolver settles which, writing alone (the slow path).
                    resolved = resolver.createNew(message, container);
                    settled = true;
                }
            }
        }
    }

    private IntakeOutcome again(CommandRecord existing) {
        metrics.duplicate(existing.channel());
        if (existing.status() == CommandStatus.RECEIVED) {
            LOG.info("completing the dispatch of command {} after an earlier failure", existing.commandId());
            dispatcher.dispatch(existing);
        } else {
            LOG.info("dropped duplicate of command {}", existing.commandId());
        }
        return IntakeOutcome.duplicate(existing.threadId(), existing.commandId());
    }
}
