package dev.hermes.worker.session;

import dev.hermes.protocol.id.ThreadId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One clone per workspace, one worktree per thread on branch {@code thread-{threadId}}. Before each
 * command the clone fetches; a new worktree starts from the remote thread branch when there is one,
 * else from the project's default branch; an existing one is fast-forwarded to the remote branch.
 */
public final class Worktrees {
    private static final Logger log = LoggerFactory.getLogger(Worktrees.class);

    private final Workspace workspace;
    private final Git git;

    public Worktrees(Workspace workspace, Git git) {
        this.workspace = workspace;
        this.git = git;
    }

    /** @throws GitCommandException when the repository cannot be reached or the branch cannot be prepared */
    public SessionBranch prepare(ThreadId threadId, String repoUrl, String defaultBranch) {
        Path repo = workspace.repo();
        if (Files.isDirectory(repo.resolve(".git"))) {
            git.run(repo, "remote", "set-url", "origin", repoUrl);
        } else {
            deleteLeftovers(repo);
            log.info("cloning the project repository into {}", repo);
            git.run(workspace.root(), "clone", "--no-checkout", "--", repoUrl, repo.toString());
        }
        git.run(repo, "fetch", "--prune", "origin");

        String branch = threadId.branch();
        String remoteBranch = "origin/" + branch;
        boolean onRemote = git.tryRun(repo, "rev-parse", "--verify", "--quiet",
                "refs/remotes/" + remoteBranch + "^{commit}").exitCode() == 0;
        Path worktree = workspace.session(threadId);
        if (!Files.exists(worktree.resolve(".git"))) {
            deleteLeftovers(worktree);
            git.run(repo, "worktree", "prune");
            String start = onRemote ? remoteBranch : "origin/" + defaultBranch;
            log.info("creating the worktree of {} from {}", branch, start);
            git.run(repo, "worktree", "add", "--no-track", "-B", branch, worktree.toString(), start);
        } else if (onRemote) {
            git.run(worktree, "merge", "--ff-only", remoteBranch);
        }
        String head = git.run(worktree, "rev-parse", "HEAD").value();
        return new SessionBranch(threadId, worktree, branch, head);
    }

    /** A directory left by an interrupted clone or worktree add would make the next one fail. */
    private static void deleteLeftovers(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        log.warn("removing the incomplete {}", dir);
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
