package dev.hermes.worker.session;

/**
 * The thread's branch has commits here that the remote lacks while the remote has commits this worktree
 * lacks. Hermes never merges or forces on its own: an operator (or a command) must reconcile them.
 */
public class BranchDivergedException extends RuntimeException {
    public BranchDivergedException(String branch) {
        super("branch " + branch + " has diverged from origin/" + branch + "; not merging or forcing it");
    }
}
