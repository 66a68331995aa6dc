package dev.hermes.worker.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers the {@code index.lock} (and HEAD and branch ref locks) left by a git process that was killed (a worker or agent that died
 * mid-command). A lock is removed only when no live process works in the repository or the worktree,
 * that is when the process that held it is gone; while one does, it is given {@code patience} to end.
 */
final class GitLocks {
    private static final Logger log = LoggerFactory.getLogger(GitLocks.class);

    private final Duration patience;

    GitLocks(Duration patience) {
        this.patience = patience;
    }

    /** @throws GitCommandException when a lock is still held by a live process after the patience */
    void clearStale(Path repo, Path worktree, String branch) {
        Path gitDir = gitDir(worktree);
        for (Path lock : List.of(gitDir.resolve("index.lock"), gitDir.resolve("HEAD.lock"),
                repo.resolve(".git").resolve("index.lock"),
                repo.resolve(".git").resolve("refs").resolve("heads").resolve(branch + ".lock"))) {
            if (Files.exists(lock)) {
                clear(lock, repo, worktree);
            }
        }
    }

    private void clear(Path lock, Path repo, Path worktree) {
        if (!WorkspaceProcesses.supported()) {
            throw new GitCommandException(List.of("index.lock"), -1, lock + " exists and this system cannot tell"
                    + " whether the process that took it is alive; remove it by hand if it is not");
        }
        List<ProcessHandle> holders = holders(repo, worktree);
        if (!holders.isEmpty()) {
            log.info("{} is held while process(es) {} work there; waiting up to {} s", lock, pids(holders),
                    patience.toSeconds());
            await(holders);
            holders = holders(repo, worktree);
            if (!holders.isEmpty()) {
                throw new GitCommandException(List.of("index.lock"), -1, lock + " is held by live process(es) "
                        + pids(holders));
            }
        }
        try {
            Files.deleteIfExists(lock);
            log.warn("removed the stale {} (no process holds it any more)", lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + lock, e);
        }
    }

    private static List<ProcessHandle> holders(Path repo, Path worktree) {
        return java.util.stream.Stream.concat(WorkspaceProcesses.within(repo).stream(),
                WorkspaceProcesses.within(worktree).stream()).distinct().toList();
    }

    private void await(List<ProcessHandle> processes) {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Checked again by the caller.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A linked worktree's {@code .git} is a file naming its git directory; the main one is a directory. */
    static Path gitDir(Path worktree) {
        Path dotGit = worktree.resolve(".git");
        if (!Files.isRegularFile(dotGit)) {
            return dotGit;
        }
        try {
            String line = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
            if (!line.startsWith("gitdir:")) {
                return dotGit;
            }
            return worktree.resolve(line.substring("gitdir:".length()).strip()).normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dotGit, e);
        }
    }

    private static String pids(List<ProcessHandle> processes) {
        return processes.stream().map(p -> Long.toString(p.pid())).toList().toString();
    }
}
