package dev.hermes.orchestrator.api;

import dev.hermes.orchestrator.auth.RequiresRole;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.command.CommandStore;
import dev.hermes.orchestrator.inbound.RejectedException;
import dev.hermes.orchestrator.thread.ThreadStore;
import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ThreadId;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Comparator;

/** {@code GET /api/threads/{threadId}} and {@code GET /api/commands/{commandId}}. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ThreadsController {
    private final ThreadStore threads;
    private final CommandStore commands;

    public ThreadsController(ThreadStore threads, CommandStore commands) {
        this.threads = threads;
        this.commands = commands;
    }

    @Get("/threads/{threadId}")
    @RequiresRole(Role.VIEWER)
    public ThreadView thread(String threadId) {
        ThreadId id = new ThreadId(threadId);
        return threads.find(id)
                .map(t -> ThreadView.of(t, commands.findByThread(id).stream()
                        .sorted(Comparator.comparingLong(c -> c.createdAt()))
                        .map(CommandView::of).toList()))
                .orElseThrow(() -> new RejectedException(404, "not_found", "no thread " + threadId));
    }

    @Get("/commands/{commandId}")
    @RequiresRole(Role.VIEWER)
    public CommandView command(String commandId) {
        return commands.find(new CommandId(commandId)).map(CommandView::of)
                .orElseThrow(() -> new RejectedException(404, "not_found", "no command " + commandId));
    }
}
