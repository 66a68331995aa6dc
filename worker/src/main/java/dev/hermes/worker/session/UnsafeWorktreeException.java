package dev.hermes.worker.session;

import java.nio.file.Path;

/**
 * A worktree holds something that must not be committed: unmerged paths, conflict markers, or a merge,
 * rebase or cherry-pick in progress. Nothing was committed; retrying does not help until it is resolved.
 */
public class UnsafeWorktreeException extends RuntimeException {
    public UnsafeWorktreeException(Path worktree, String what) {
        super("not committing " + worktree.getFileName() + ": " + what);
    }
}
