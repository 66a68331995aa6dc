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
 *
 * <p>A command that talks to a remote with a {@link GitCredential} gets it from its own environment
 * only: {@code HERMES_GIT_USERNAME}/{@code HERMES_GIT_PASSWORD} are set on that git process, and a
 * credential helper given with {@code -c} (a fixed program text, for the remote's origin only, after
 * an empty entry that drops every helper configured elsewhere) prints them to git. Nothing is written
 * to a file, nothing goes into a URL; hooks are off for such a command and git's tracing variables are
 * removed, so neither can see or print the token.
 */
public final class Git {
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]+@");
    /** Variables that would point git at another repository than the one named with {@code -C}. */
    private static final List<String> REPOSITORY_OVERRIDES = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
            "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE", "GIT_CONFIG_PARAMETERS");
    private static final int MAX_OUTPUT = 64 * 1024;
    static final String USERNAME_VARIABLE = "HERMES_GIT_USERNAME";
    static final String PASSWORD_VARIABLE = "HERMES_GIT_PASSWORD";
    /** Prints the credential from the git process's environment; git calls it as {@code f get|store|erase}. */
    private static final String HELPER = "!f() { test \"$1\" = get && printf 'username=%s\\npassword=%s\\n' \"$"
            + USERNAME_VARIABLE + "\" \"$" + PASSWORD_VARIABLE + "\"; }; f";

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

    /** Runs a command that talks to {@code remoteUrl} with {@code credential} (none when null). */
    public Result run(Path dir, GitCredential credential, String remoteUrl, String... args) {
        Result result = tryRun(dir, credential, remoteUrl, args);
        if (result.exitCode() != 0) {
            throw new GitCommandException(List.of(args), result.exitCode(), result.output());
        }
        return result;
    }

    /** Runs {@code git -C dir args…} and returns its exit code and output, whatever the code. */
    public Result tryRun(Path dir, String... args) {
        return tryRun(dir, null, null, args);
    }

    /** As {@link #tryRun(Path, String...)}, with the credential for {@code remoteUrl} when one is given. */
    public Result tryRun(Path dir, GitCredential credential, String remoteUrl, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(),
                "-c", "user.name=" + identity.name(),
                "-c", "user.email=" + identity.email(),
                "-c", "commit.gpgsign=false",
                "-c", "core.quotePath=false"));
        boolean withCredential = credential != null && remoteUrl != null && GitRemotes.mayCarryToken(remoteUrl);
        if (withCredential) {
            command.addAll(List.of("-c", "credential.helper=",
                    "-c", "credential." + GitRemotes.origin(remoteUrl) + ".helper=" + HELPER,
                    "-c", "core.hooksPath=/dev/null"));
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        REPOSITORY_OVERRIDES.forEach(env::remove);
        env.keySet().removeIf(name -> name.startsWith("GIT_TRACE") || name.equals("GIT_CURL_VERBOSE")
                || name.equals("GIT_ASKPASS") || name.equals("SSH_ASKPASS")
                || name.equals(USERNAME_VARIABLE) || name.equals(PASSWORD_VARIABLE));
        env.put("GIT_TERMINAL_PROMPT", "0");
        if (withCredential) {
            env.put(USERNAME_VARIABLE, credential.username());
            env.put(PASSWORD_VARIABLE, credential.token().reveal());
        }
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.stop(process.toHandle(), Duration.ofSeconds(2));
                throw new GitCommandException(List.of(args), -1, "timed out after " + timeout.toSeconds() + " s");
            }
            String text = redact(output.join());
            return new Result(process.exitValue(), withCredential ? text.replace(credential.token().reveal(), "***") : text);
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
