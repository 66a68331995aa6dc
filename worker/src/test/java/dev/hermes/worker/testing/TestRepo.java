package dev.hermes.worker.testing;

import dev.hermes.worker.session.Git;
import dev.hermes.worker.session.GitIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A bare repository made with real git, with one commit on {@code main}; the "remote" of a project. */
public final class TestRepo {
    public static final Git GIT = new Git(new GitIdentity("Test Author", "test@localhost"), Duration.ofSeconds(60));

    private final Path bare;
    private final Path scratch;

    private TestRepo(Path bare, Path scratch) {
        this.bare = bare;
        this.scratch = scratch;
    }

    public static TestRepo create(Path dir) {
        try {
            Path bare = dir.resolve("origin.git");
            Path seed = dir.resolve("seed");
            Files.createDirectories(bare);
            GIT.run(bare, "init", "--bare", "--initial-branch=main");
            GIT.run(dir, "clone", bare.toString(), seed.toString());
            GIT.run(seed, "checkout", "-B", "main");
            Files.writeString(seed.resolve("README.md"), "# sample project\n");
            GIT.run(seed, "add", "-A");
            GIT.run(seed, "commit", "-m", "Initial commit");
            GIT.run(seed, "push", "origin", "main");
            return new TestRepo(bare, seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a project's {@code repoUrl} holds. */
    public String url() {
        return bare.toString();
    }

    public Path bare() {
        return bare;
    }

    /** The sha of {@code branch}, or null when the bare repository has no such branch. */
    public String sha(String branch) {
        Git.Result result = GIT.tryRun(bare, "rev-parse", "--verify", "--quiet", "refs/heads/" + branch);
        return result.exitCode() == 0 ? result.value() : null;
    }

    public String file(String branch, String path) {
        return GIT.run(bare, "show", branch + ":" + path).output();
    }

    public List<String> files(String branch) {
        return GIT.run(bare, "ls-tree", "-r", "--name-only", branch).lines();
    }

    /** Shas on {@code branch} that {@code main} does not have, newest first. */
    public List<String> commitsAhead(String branch) {
        return GIT.run(bare, "rev-list", "main.." + branch).lines();
    }

    public String parent(String sha) {
        return GIT.run(bare, "rev-parse", sha + "^").value();
    }

    public String message(String sha) {
        return GIT.run(bare, "log", "-1", "--format=%B", sha).output();
    }

    /** Someone else pushes a commit to {@code branch} (created from main when new). */
    public String pushFromElsewhere(String branch, String file, String content) {
        try {
            GIT.run(scratch, "fetch", "origin");
            String start = sha(branch) == null ? "origin/main" : "origin/" + branch;
            GIT.run(scratch, "checkout", "-B", branch, start);
            Files.writeString(scratch.resolve(file), content);
            GIT.run(scratch, "add", "-A");
            GIT.run(scratch, "commit", "-m", "Change from elsewhere");
            GIT.run(scratch, "push", "origin", branch);
            return GIT.run(scratch, "rev-parse", "HEAD").value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
