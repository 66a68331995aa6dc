package dev.hermes.worker.session;

import dev.hermes.worker.agent.ProcessTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The git CLI, run as an argument vector (never through a shell). Identity and signing are given per
 * call with {@code -c}; the user's global configuration is only read, never written. Prompts are off,
 * so a missing credential fails instead of hanging.
 */
public final class Git {
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]+@");
    /** Variables that would point git at another repository than the one named with {@code -C}. */
    private static final List<String> REPOSITORY_OVERRIDES = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
            "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE", "GIT_CONFIG_PARAMETERS");
    private static final int MAX_OUTPUT = 64 * 1024;

    private final GitIdentity identity;
    private final Duration timeout;

    public Git(GitIdentity identity, Duration timeout) {
        this.identity = identity;
        this.timeout = timeout;
    }

    /** Runs {@code git -C dir args…}. @throws GitCommandException on a non-zero exit */
    public Result run(Path dir, String... args) {
        Result result = tryRun(dir, args);
        if (result.exitCode() != 0) {
            throw new GitCommandException(List.of(args), result.exitCode(), result.output());
        }
        return result;
    }

    /** Runs {@code git -C dir args…} and returns its exit code and output, whatever the code. */
    public Result tryRun(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(),
                "-c", "user.name=" + identity.name(),
                "-c", "user.email=" + identity.email(),
                "-c", "commit.gpgsign=false",
                "-c", "core.quotePath=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        REPOSITORY_OVERRIDES.forEach(env::remove);
        env.put("GIT_TERMINAL_PROMPT", "0");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.stop(process.toHandle(), Duration.ofSeconds(2));
                throw new GitCommandException(List.of(args), -1, "timed out after " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), redact(output.join()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git " + args[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitCommandException(List.of(args), -1, "interrupted");
        }
    }

    /** Hides {@code user:password@} in URLs. */
    public static String redact(String text) {
        return URL_CREDENTIALS.matcher(text).replaceAll("***@");
    }

    private static String read(InputStream in) {
        try (in) {
            byte[] bytes = in.readAllBytes();
            int from = Math.max(0, bytes.length - MAX_OUTPUT);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** What a git command printed (stdout and stderr together) and how it ended. */
    public record Result(int exitCode, String output) {
        /** The output as one trimmed value, for commands that print one (a sha, a count). */
        public String value() {
            return output.strip();
        }

        /** The non-blank output lines, trimmed. */
        public List<String> lines() {
            return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }
}
