package dev.hermes.worker.session;

import dev.hermes.protocol.id.ThreadId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One clone per workspace, one worktree per thread on branch {@code thread-{threadId}}. Before each
 * command the clone fetches; a new worktree starts from the remote thread branch when there is one,
 * else from the project's default branch; an existing one is first recovered (stale locks of a killed
 * git, an unfinished merge or rebase) and then fast-forwarded to the remote branch. Work in progress
 * that a killed agent left uncommitted stays in the tree for the next run.
 */
public final class Worktrees {
    private static final Logger log = LoggerFactory.getLogger(Worktrees.class);
    /** State directories of unfinished operations, and the command that undoes each. */
    private static final List<List<String>> IN_PROGRESS = List.of(
            List.of("MERGE_HEAD", "merge"), List.of("rebase-merge", "rebase"), List.of("rebase-apply", "rebase"),
            List.of("CHERRY_PICK_HEAD", "cherry-pick"), List.of("REVERT_HEAD", "revert"));

    private final Workspace workspace;
    private final Git git;
    private final GitLocks locks;
    /** The origin URL last set on the clone: set again only when the project's URL changes. */
    private volatile String originUrl;

    public Worktrees(Workspace workspace, Git git) {
        this(workspace, git, Duration.ofSeconds(10));
    }

    /** @param lockPatience how long a live process may hold a git lock before the command gives up (and retries) */
    public Worktrees(Workspace workspace, Git git, Duration lockPatience) {
        this.workspace = workspace;
        this.git = git;
        this.locks = new GitLocks(lockPatience);
    }

    /**
     * @throws GitCommandException when the repository cannot be reached or the branch cannot be prepared
     * @throws BranchDivergedException when the local and the remote branch both have commits the other lacks
     */
    public SessionBranch prepare(ThreadId threadId, String repoUrl, String defaultBranch) {
        return prepare(threadId, repoUrl, defaultBranch, null);
    }

    /** As {@link #prepare(ThreadId, String, String)}, talking to the remote with {@code credential} (null: none). */
    public SessionBranch prepare(ThreadId threadId, String repoUrl, String defaultBranch, GitCredential credential) {
        Path repo = workspace.repo();
        if (Files.isDirectory(repo.resolve(".git"))) {
            if (!repoUrl.equals(originUrl)) {
                git.run(repo, "remote", "set-url", "origin", repoUrl);
            }
        } else {
            deleteLeftovers(repo);
            log.info("cloning the project repository into {}", repo);
            git.run(workspace.root(), credential, repoUrl, "clone", "--no-checkout", "--", repoUrl, repo.toString());
        }
        originUrl = repoUrl;
        git.run(repo, credential, repoUrl, "fetch", "--prune", "origin");

        String branch = threadId.branch();
        String remoteBranch = "origin/" + branch;
        String remoteSha = git.run(repo, "for-each-ref", "--format=%(objectname)", "refs/remotes/" + remoteBranch).value();
        boolean onRemote = !remoteSha.isEmpty();
        Path worktree = workspace.session(threadId);
        locks.clearStale(repo, worktree, branch);
        String head;
        if (!Files.exists(worktree.resolve(".git"))) {
            deleteLeftovers(worktree);
            git.run(repo, "worktree", "prune");
            String start = onRemote ? remoteBranch : "origin/" + defaultBranch;
            log.info("creating the worktree of {} from {}", branch, start);
            git.run(repo, "worktree", "add", "--no-track", "-B", branch, worktree.toString(), start);
            head = git.run(worktree, "rev-parse", "HEAD").value();
        } else {
            abortUnfinished(worktree);
            head = git.run(worktree, "rev-parse", "HEAD").value();
            if (onRemote && !head.equals(remoteSha) && !isAncestor(worktree, remoteSha, head)) {
                if (!isAncestor(worktree, head, remoteSha)) {
                    throw new BranchDivergedException(branch);
                }
                git.run(worktree, "merge", "--ff-only", remoteBranch);
                head = remoteSha;
            }
        }
        touch(workspace.used(threadId));
        return new SessionBranch(threadId, worktree, branch, head, repoUrl, credential);
    }

    /**
     * Removes the worktrees of threads unused for longer than {@code retention} whose work is all
     * committed and pushed (a tree with anything else is kept), and forgets their local branches.
     */
    public void prune(Duration retention) {
        Path repo = workspace.repo();
        if (!Files.isDirectory(repo.resolve(".git"))) {
            return;
        }
        Instant before = Instant.now().minus(retention);
        try (var sessions = Files.list(workspace.sessions())) {
            for (Path worktree : sessions.toList()) {
                ThreadId thread;
                try {
                    thread = new ThreadId(worktree.getFileName().toString());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (lastUsed(thread, worktree).isBefore(before) || retention.isZero()) {
                    pruneOne(repo, thread, worktree);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + workspace.sessions(), e);
        }
        git.run(repo, "worktree", "prune");
    }

    private void pruneOne(Path repo, ThreadId thread, Path worktree) {
        if (!Files.exists(worktree.resolve(".git"))) {
            deleteLeftovers(worktree);
            return;
        }
        boolean clean = git.run(worktree, "status", "--porcelain").lines().isEmpty()
                && "0".equals(git.run(worktree, "rev-list", "--count", "HEAD", "--not", "--remotes=origin").value());
        if (!clean) {
            log.info("keeping the worktree of {}: it has work that is not pushed", thread.branch());
            return;
        }
        git.run(repo, "worktree", "remove", worktree.toString());
        git.tryRun(repo, "branch", "-D", thread.branch());
        try {
            Files.deleteIfExists(workspace.used(thread));
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", workspace.used(thread), e.toString());
        }
        log.info("removed the unused worktree of {}", thread.branch());
    }

    private boolean isAncestor(Path worktree, String ancestor, String of) {
        return git.tryRun(worktree, "merge-base", "--is-ancestor", ancestor, of).exitCode() == 0;
    }

    /** A merge, rebase, cherry-pick or revert an agent left half done is undone before the next command. */
    private void abortUnfinished(Path worktree) {
        Path gitDir = GitLocks.gitDir(worktree);
        for (List<String> state : IN_PROGRESS) {
            if (Files.exists(gitDir.resolve(state.get(0)))) {
                log.warn("aborting the unfinished {} in {}", state.get(1), worktree.getFileName());
                git.run(worktree, state.get(1), "--abort");
            }
        }
    }

    private Instant lastUsed(ThreadId thread, Path worktree) {
        try {
            Path marker = workspace.used(thread);
            return Files.getLastModifiedTime(Files.exists(marker) ? marker : worktree).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static void touch(Path marker) {
        try {
            Files.createDirectories(marker.getParent());
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
            Files.setLastModifiedTime(marker, FileTime.from(Instant.now()));
        } catch (IOException e) {
            log.warn("cannot mark {} as used: {}", marker, e.toString());
        }
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
