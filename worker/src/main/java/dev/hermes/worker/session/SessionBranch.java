package dev.hermes.worker.session;

import dev.hermes.protocol.id.ThreadId;
import java.nio.file.Path;
import java.util.Objects;

/** A thread's worktree, ready for a command: its branch and the commit it started from. */
public record SessionBranch(ThreadId threadId, Path worktree, String branch, String baseSha) {
    public SessionBranch {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(worktree, "worktree");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(baseSha, "baseSha");
    }
}
