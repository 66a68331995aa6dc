package dev.hermes.orchestrator.inbound;

import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.dispatch.Dispatcher;
import dev.hermes.orchestrator.routing.Person;
import dev.hermes.orchestrator.routing.RouteStore;
import dev.hermes.orchestrator.thread.ResolvedThread;
import dev.hermes.orchestrator.thread.ThreadResolver;
import dev.hermes.orchestrator.thread.ThreadStore;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.state.CommandStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * DESIGN §6 intake, for every channel: route -> thread -> durable command -> dispatch. A message
 * seen before is a duplicate and changes nothing, unless it never reached its queue (then the
 * dispatch is completed, which the FIFO deduplication makes safe).
 */
@Singleton
public class Intake {
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    private final RouteStore routes;
    private final ThreadResolver resolver;
    private final ThreadStore threads;
    private final CommandStore commands;
    private final Dispatcher dispatcher;
    private final SenderRateLimiter rateLimiter;
    private final Clock clock;

    public Intake(RouteStore routes, ThreadResolver resolver, ThreadStore threads, CommandStore commands,
                  Dispatcher dispatcher, SenderRateLimiter rateLimiter, Clock clock) {
        this.rateLimiter = rateLimiter;
        this.routes = routes;
        this.resolver = resolver;
        this.threads = threads;
        this.commands = commands;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public IntakeOutcome accept(InboundMessage message) {
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
            ResolvedThread resolved = resolver.resolve(message, person.userId(), new ContainerKey(project, person.userId()));
            MDC.put("threadId", resolved.thread().threadId().value());
            CommandRecord command = CommandRecord.received(commandId, resolved.thread().threadId(),
                    resolved.thread().containerKey(), message.channel(), message.title(), message.instruction(),
                    message.replyRoute(), resolved.signal(), message.attachments(), clock.millis());
            if (!commands.create(command)) {
                // Seen before (a redelivery, or another delivery racing this one).
                return again(commands.find(commandId).orElseThrow());
            }
            message.ownKeys().forEach(key -> threads.recordKey(key, command.threadId()));
            if (!resolved.created()) {
                threads.touch(command.threadId(), clock.millis());
            }
            dispatcher.dispatch(command);
            LOG.info("accepted {} command for {} via {} ({} chars)", message.channel(), command.containerKey(),
                    resolved.signal(), message.instruction().length());
            return IntakeOutcome.accepted(command.threadId(), commandId, resolved.signal());
        } finally {
            MDC.remove("commandId");
            MDC.remove("threadId");
        }
    }

    private IntakeOutcome again(CommandRecord existing) {
        if (existing.status() == CommandStatus.RECEIVED) {
            LOG.info("completing the dispatch of command {} after an earlier failure", existing.commandId());
            dispatcher.dispatch(existing);
        } else {
            LOG.info("dropped duplicate of command {}", existing.commandId());
        }
        return IntakeOutcome.duplicate(existing.threadId(), existing.commandId());
    }
}
