package dev.hermes.worker.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits everything in a worktree and pushes the thread branch. The commit message goes through a
 * file outside the worktree ({@code -F}); hooks do not run. Nothing is committed while the tree has
 * unmerged paths, an unfinished merge or rebase, or conflict markers in what would be committed. A push
 * is tried up to three times with a growing pause, but a rejection by the remote is final (never forced).
 */
public final class Checkpoint {
    private static final Logger log = LoggerFactory.getLogger(Checkpoint.class);
    static final int PUSH_ATTEMPTS = 3;
    private static final List<String> UNFINISHED = List.of("MERGE_HEAD", "rebase-merge", "rebase-apply",
            "CHERRY_PICK_HEAD", "REVERT_HEAD");

    private final Git git;
    private final Duration pushPause;

    public Checkpoint(Git git, Duration pushPause) {
        this.git = git;
        this.pushPause = pushPause;
    }

    public CommitResult commitAndPush(SessionBranch session, CommitMessage message, Path messageFile) {
        Committed committed = commit(session, message, messageFile);
        return committed.pushed(push(session));
    }

    /**
     * Commits every change in the worktree (nothing when it is clean).
     *
     * @throws UnsafeWorktreeException when the tree holds conflicts; nothing is staged then
     */
    public Committed commit(SessionBranch session, CommitMessage message, Path messageFile) {
        Path tree = session.worktree();
        refuseUnfinished(tree);
        git.run(tree, "add", "-A");
        List<String> staged = git.run(tree, "diff", "--cached", "--name-only").lines();
        if (!staged.isEmpty()) {
            Set<String> conflicted = conflictMarkers(tree);
            if (!conflicted.isEmpty()) {
                git.run(tree, "reset", "--quiet");
                throw new UnsafeWorktreeException(tree, "conflict markers in " + String.join(", ", conflicted));
            }
            write(messageFile, message.text());
            try {
                git.run(tree, "commit", "--no-verify", "--cleanup=whitespace", "-F", messageFile.toString());
            } finally {
                delete(messageFile);
            }
        }
        String head = git.run(tree, "rev-parse", "HEAD").value();
        boolean moved = !head.equals(session.baseSha());
        List<String> files = moved ? git.run(tree, "diff", "--name-only", session.baseSha(), head).lines() : List.of();
        return new Committed(moved ? head : null, files);
    }

    /** Pushes the branch when it has commits the remote lacks. @return null when pushed (or nothing to push) */
    public PushFailure push(SessionBranch session) {
        Path tree = session.worktree();
        PushFailure failure = unpushed(tree) ? push(session, session.branch()) : null;
        log.info("branch {}: head {}, {}", session.branch(), git.run(tree, "rev-parse", "HEAD").value(),
                failure == null ? "pushed" : "NOT pushed");
        return failure;
    }

    /** What a commit left on the branch since the session's base: the new head (null if none) and the files. */
    public record Committed(String commitSha, List<String> filesChanged) {
        public Committed {
            filesChanged = List.copyOf(filesChanged);
        }

        public CommitResult pushed(PushFailure failure) {
            return new CommitResult(commitSha, filesChanged, failure);
        }
    }

    /** Why a push did not reach the remote; {@code rejected} when the remote refused it (retrying does not help). */
    public record PushFailure(String reason, boolean rejected) {
    }

    private void refuseUnfinished(Path tree) {
        Path gitDir = GitLocks.gitDir(tree);
        for (String state : UNFINISHED) {
            if (Files.exists(gitDir.resolve(state))) {
                throw new UnsafeWorktreeException(tree, "an unfinished " + state + " is in progress");
            }
        }
        List<String> unmerged = git.run(tree, "diff", "--name-only", "--diff-filter=U").lines();
        if (!unmerged.isEmpty()) {
            throw new UnsafeWorktreeException(tree, "unmerged paths " + String.join(", ", unmerged));
        }
    }

    /** Staged files whose added lines hold both a {@code <<<<<<< } and a {@code >>>>>>> } marker. */
    private Set<String> conflictMarkers(Path tree) {
        List<String> diff = git.run(tree, "diff", "--cached", "--no-color", "--no-ext-diff", "-U0").output().lines()
                .toList();
        Set<String> found = new LinkedHashSet<>();
        String file = null;
        boolean open = false;
        for (String line : diff) {
            if (line.startsWith("+++ ")) {
                file = line.startsWith("+++ b/") ? line.substring(6) : line.substring(4);
                open = false;
            } else if (line.startsWith("+<<<<<<< ")) {
                open = true;
            } else if (open && line.startsWith("+>>>>>>> ") && file != null) {
                found.add(file);
            }
        }
        return found;
    }

    /** True when HEAD has commits that no remote-tracking branch of origin has. */
    private boolean unpushed(Path tree) {
        return !"0".equals(git.run(tree, "rev-list", "--count", "HEAD", "--not", "--remotes=origin").value());
    }

    private PushFailure push(SessionBranch session, String branch) {
        String refspec = "refs/heads/" + branch + ":refs/heads/" + branch;
        String reason = null;
        for (int attempt = 1; attempt <= PUSH_ATTEMPTS; attempt++) {
            Git.Result result = git.tryRun(session.worktree(), session.credential(), session.remoteUrl(),
                    "push", "--porcelain", "origin", refspec);
            if (result.exitCode() == 0) {
                return null;
            }
            reason = reason(result);
            if (isRejection(result.output())) {
                log.warn("push of {} rejected: {}", branch, reason);
                return new PushFailure("push rejected: " + reason, true);
            }
            log.warn("push of {} failed (attempt {}/{}): {}", branch, attempt, PUSH_ATTEMPTS, reason);
            if (attempt < PUSH_ATTEMPTS) {
                pause(pushPause.multipliedBy(attempt));
            }
        }
        return new PushFailure("push failed: " + reason, false);
    }

    private static boolean isRejection(String output) {
        return output.contains("[rejected]") || output.contains("[remote rejected]");
    }

    /** The line that says why: the ref's status line when there is one, else the last line. */
    private static String reason(Git.Result result) {
        List<String> lines = new ArrayList<>(result.lines().stream().filter(line -> !line.equals("Done")).toList());
        return lines.stream().filter(line -> line.contains("rejected")).findFirst()
                .orElse(lines.isEmpty() ? "exit " + result.exitCode() : lines.get(lines.size() - 1))
                .replace('\t', ' ');
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the commit message", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", file, e.toString());
        }
    }
}
