package dev.hermes.worker;

import dev.hermes.worker.agent.ProcessTree;
import dev.hermes.worker.session.Workspace;
import dev.hermes.worker.session.WorkspaceProcesses;
import dev.hermes.worker.session.Worktrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the workspace fit: at start, agents that an earlier worker of this workspace left running (it
 * was killed) are stopped before anything else touches their worktrees; before going idle, worktrees and
 * logs unused for longer than the retention are removed (worktrees only when all their work is pushed).
 */
final class WorkspaceJanitor {
    private static final Logger log = LoggerFactory.getLogger(WorkspaceJanitor.class);

    private final Workspace workspace;
    private final Worktrees worktrees;

    WorkspaceJanitor(Workspace workspace, Worktrees worktrees) {
        this.workspace = workspace;
        this.worktrees = worktrees;
    }

    /** Agents are recognised by their working directory in this workspace and their HERMES_COMMAND_ID. */
    void stopLeftoverAgents(Duration grace) {
        List<ProcessHandle> left = WorkspaceProcesses.agentsWithin(workspace.root());
        for (ProcessHandle agent : left) {
            log.warn("stopping agent pid {} that an earlier worker left running", agent.pid());
            ProcessTree.stop(agent, grace);
        }
    }

    void tidy(Duration retention) {
        worktrees.prune(retention);
        Instant before = Instant.now().minus(retention);
        try (var logs = Files.list(workspace.logs())) {
            for (Path file : logs.toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            log.warn("cannot prune {}: {}", workspace.logs(), e.toString());
        }
    }
}
