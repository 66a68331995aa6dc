package dev.hermes.worker.session;

import java.util.List;

/**
 * What a command left on its branch. {@code commitSha} is the new head, or null when the command
 * added no commit; {@code pushFailure} is null when the branch reached the remote (or had nothing to push).
 */
public record CommitResult(String commitSha, List<String> filesChanged, Checkpoint.PushFailure pushFailure) {
    public CommitResult {
        filesChanged = filesChanged == null ? List.of() : List.copyOf(filesChanged);
    }

    public boolean pushed() {
        return pushFailure == null;
    }
}
