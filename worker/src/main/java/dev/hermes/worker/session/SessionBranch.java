package dev.hermes.worker.session;

import dev.hermes.protocol.id.ThreadId;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A thread's worktree, ready for a command: its branch, the commit it started from, and the remote it
 * pushes to with the credential for it (null when the remote needs none).
 */
public record SessionBranch(ThreadId threadId, Path worktree, String branch, String baseSha, String remoteUrl,
                            GitCredential credential) {
    public SessionBranch(ThreadId threadId, Path worktree, String branch, String baseSha) {
        this(threadId, worktree, branch, baseSha, null, null);
    }

    public SessionBranch {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(worktree, "worktree");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(baseSha, "baseSha");
    }
}
