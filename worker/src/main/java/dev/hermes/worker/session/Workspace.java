package dev.hermes.worker.session;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.id.ThreadId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The worker's directory: {@code repo/} (the clone, no checkout), {@code sessions/{threadId}/} (one
 * worktree per thread), {@code instructions/} and {@code logs/} (outside every worktree, so nothing
 * there is ever committed), {@code used/} (when each thread last ran, for pruning). Every path is built from a validated id, never from message text.
 */
public record Workspace(Path root) {
    public Workspace {
        root = root.toAbsolutePath().normalize();
    }

    /** Creates the directories that are not there yet. */
    public Workspace create() {
        try {
            Files.createDirectories(sessions());
            Files.createDirectories(root.resolve("instructions"));
            Files.createDirectories(root.resolve("logs"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the workspace under " + root, e);
        }
    }

    public Path repo() {
        return root.resolve("repo");
    }

    public Path sessions() {
        return root.resolve("sessions");
    }

    public Path session(ThreadId threadId) {
        return sessions().resolve(threadId.value());
    }

    /** Touched whenever the thread's worktree is prepared. */
    public Path used(ThreadId threadId) {
        return root.resolve("used").resolve(threadId.value());
    }

    /** Where the agent may write its summary ({@code HERMES_SUMMARY_FILE}). */
    public Path summary(CommandId commandId) {
        return root.resolve("instructions").resolve(commandId.value() + ".summary.txt");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path instruction(CommandId commandId) {
        return root.resolve("instructions").resolve(commandId.value() + ".txt");
    }

    public Path commitMessage(CommandId commandId) {
        return root.resolve("instructions").resolve(commandId.value() + ".commit.txt");
    }

    public Path log(CommandId commandId) {
        return root.resolve("logs").resolve(commandId.value() + ".log");
    }
}
