package dev.hermes.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads a bare git repository with the git CLI. */
final class GitRemote {
    private final Path bare;

    GitRemote(Path bare) {
        this.bare = bare;
    }

    /** Commit shas on {@code branch} that are not on {@code base}, newest first. */
    List<String> commitsOnly(String branch, String base) {
        String out = git("rev-list", branch, "^" + base);
        return out.isBlank() ? List.of() : List.of(out.split("\n"));
    }

    boolean hasBranch(String branch) {
        return !git("branch", "--list", branch).isBlank();
    }

    String show(String revision, String path) {
        return git("show", revision + ":" + path);
    }

    String message(String sha) {
        return git("log", "-1", "--format=%B", sha);
    }

    private String git(String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "--git-dir", bare.toString()));
        argv.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
            }
            return out.strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
