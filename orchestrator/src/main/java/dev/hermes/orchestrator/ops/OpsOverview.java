package dev.hermes.orchestrator.ops;

import dev.hermes.orchestrator.api.ContainerView;
import dev.hermes.orchestrator.command.CommandRecord;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.container.ContainerPage;
import dev.hermes.orchestrator.container.ContainerRecord;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.container.QueueDepths;
import dev.hermes.orchestrator.reply.OutboxPage;
import dev.hermes.orchestrator.reply.OutboxStore;
import dev.hermes.orchestrator.routing.ProjectRecord;
import dev.hermes.orchestrator.routing.ProjectStore;
import dev.hermes.orchestrator.routing.RoutePage;
import dev.hermes.orchestrator.routing.RouteStore;
import dev.hermes.orchestrator.thread.ThreadRecord;
import dev.hermes.orchestrator.thread.ThreadStore;
import dev.hermes.protocol.state.CommandStatus;
import dev.hermes.protocol.state.ReplyStatus;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the ops page shows, read with a bounded number of requests: one page of containers (as
 * {@code GET /api/containers} reads them, with their queue depths), for each its newest threads
 * (one query of {@code threads.by-container}) and for each of those its newest commands (one query
 * of {@code commands.by-thread}), and one page of the outbox. Dead letters are counted over what was
 * read; a count that may miss older threads or commands says so ({@link DeadLetters#partial}). And
 * one page each of projects (deleted ones too) and sender routes.
 */
@Singleton
public class OpsOverview {
    private final ContainerStore containers;
    private final QueueDepths depths;
    private final ThreadStore threads;
    private final CommandStore commands;
    private final OutboxStore outbox;
    private final ProjectStore projects;
    private final RouteStore routes;
    private final OpsConfig config;

    public OpsOverview(ContainerStore containers, QueueDepths depths, ThreadStore threads, CommandStore commands,
                       OutboxStore outbox, ProjectStore projects, RouteStore routes, OpsConfig config) {
        this.containers = containers;
        this.depths = depths;
        this.threads = threads;
        this.commands = commands;
        this.outbox = outbox;
        this.projects = projects;
        this.routes = routes;
        this.config = config;
    }

    /** A container's dead letters: messages still in {@code -dlq.fifo}, and DEAD_LETTERED command rows. */
    public record DeadLetters(long inQueue, long commands, boolean partial) {
        public long total() {
            return inQueue + commands;
        }
    }

    public record ContainerRow(ContainerView view, DeadLetters dead, @Nullable CommandRecord running) {
    }

    /** A thread and its newest command (null if none is recorded yet). */
    public record ThreadRow(ThreadRecord thread, @Nullable CommandRecord last) {
    }

    public record Overview(List<ContainerRow> containers, @Nullable String nextContainers, List<ThreadRow> threads,
                           OutboxPage outbox, List<ProjectRecord> projects, RoutePage routes) {
    }

    public Overview read(@Nullable String containerCursor, @Nullable String outboxCursor,
                         @Nullable ReplyStatus outboxStatus) {
        ContainerPage page = containers.page(containerCursor, config.containers());
        List<ContainerRow> rows = new ArrayList<>();
        List<ThreadRow> recent = new ArrayList<>();
        for (ContainerRecord c : page.containers()) {
            rows.add(row(c, recent));
        }
        recent.sort(Comparator.comparingLong((ThreadRow t) -> t.thread().lastActivityAt()).reversed());
        return new Overview(rows, page.nextCursor(), List.copyOf(recent.subList(0, Math.min(recent.size(),
                config.recentThreads()))), outbox.list(outboxCursor, config.outbox(), outboxStatus),
                projects.list(null, config.projects(), true).projects(), routes.listRoutes(null, config.routes()));
    }

    private ContainerRow row(ContainerRecord c, List<ThreadRow> recent) {
        ContainerView view = ContainerView.of(c, depths::of);
        List<ThreadRecord> newest = threads.recent(c.key(), config.threadsPerContainer());
        boolean partial = newest.size() == config.threadsPerContainer();
        long dead = 0;
        CommandRecord running = null;
        for (ThreadRecord t : newest) {
            List<CommandRecord> cmds = commands.recentByThread(t.threadId(), config.commandsPerThread());
            partial |= cmds.size() == config.commandsPerThread();
            dead += cmds.stream().filter(x -> x.status() == CommandStatus.DEAD_LETTERED).count();
            for (CommandRecord cmd : cmds) {
                if (cmd.commandId().value().equals(c.runningCommand())) {
                    running = cmd;
                }
            }
            recent.add(new ThreadRow(t, cmds.isEmpty() ? null : cmds.get(0)));
        }
        ContainerView.Depth dlq = view.depths() == null ? null : view.depths().dlq();
        long inQueue = dlq == null ? 0 : dlq.visible() + dlq.inFlight() + dlq.delayed();
        return new ContainerRow(view, new DeadLetters(inQueue, dead, partial), running);
    }
}
