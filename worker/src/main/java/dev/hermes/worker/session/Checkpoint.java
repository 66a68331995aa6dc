package dev.hermes.worker.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits everything in a worktree and pushes the thread branch. The commit message goes through a
 * file outside the worktree ({@code -F}); hooks do not run. A push is tried up to three times with a
 * growing pause, but a rejection by the remote is final.
 */
public final class Checkpoint {
    private static final Logger log = LoggerFactory.getLogger(Checkpoint.class);
    static final int PUSH_ATTEMPTS = 3;

    private final Git git;
    private final Duration pushPause;

    public Checkpoint(Git git, Duration pushPause) {
        this.git = git;
        this.pushPause = pushPause;
    }

    public CommitResult commitAndPush(SessionBranch session, CommitMessage message, Path messageFile) {
        Path tree = session.worktree();
        git.run(tree, "add", "-A");
        List<String> staged = git.run(tree, "diff", "--cached", "--name-only").lines();
        if (!staged.isEmpty()) {
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
        String pushFailure = unpushed(tree) ? push(tree, session.branch()) : null;
        log.info("branch {}: {} file(s) changed, head {}, {}", session.branch(), files.size(), head,
                pushFailure == null ? "pushed" : "NOT pushed");
        return new CommitResult(moved ? head : null, files, pushFailure);
    }

    /** True when HEAD has commits that no remote-tracking branch of origin has. */
    private boolean unpushed(Path tree) {
        return !"0".equals(git.run(tree, "rev-list", "--count", "HEAD", "--not", "--remotes=origin").value());
    }

    /** @return null when pushed, else the reason */
    private String push(Path tree, String branch) {
        String refspec = "refs/heads/" + branch + ":refs/heads/" + branch;
        String reason = null;
        for (int attempt = 1; attempt <= PUSH_ATTEMPTS; attempt++) {
            Git.Result result = git.tryRun(tree, "push", "--porcelain", "origin", refspec);
            if (result.exitCode() == 0) {
                return null;
            }
            reason = reason(result);
            if (isRejection(result.output())) {
                log.warn("push of {} rejected: {}", branch, reason);
                return "push rejected: " + reason;
            }
            log.warn("push of {} failed (attempt {}/{}): {}", branch, attempt, PUSH_ATTEMPTS, reason);
            if (attempt < PUSH_ATTEMPTS) {
                pause(pushPause.multipliedBy(attempt));
            }
        }
        return "push failed: " + reason;
    }

    private static boolean isRejection(String output) {
        return output.contains("[rejected]") || output.contains("[remote rejected]");
    }

    /** The line that says why: the ref's status line when there is one, else the last line. */
    private static String reason(Git.Result result) {
        List<String> lines = result.lines().stream().filter(line -> !line.equals("Done")).toList();
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
