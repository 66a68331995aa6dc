package dev.hermes.worker.session;

/** The author and committer of the worker's commits; passed per command with {@code -c}, never written to a config. */
public record GitIdentity(String name, String email) {
    public GitIdentity {
        if (name == null || name.isBlank() || email == null || email.isBlank()) {
            throw new IllegalArgumentException("a git identity needs a name and an email");
        }
        if (!(name + email).chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw new IllegalArgumentException("a git identity must be printable");
        }
    }
}
