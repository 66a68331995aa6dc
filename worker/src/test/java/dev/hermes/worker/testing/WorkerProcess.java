package dev.hermes.worker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged worker as its launcher starts it ({@code java -jar target/hermes-worker.jar}), and signals to it. */
public final class WorkerProcess implements AutoCloseable {
    public static final Path JAR = Path.of(System.getProperty("basedir", ".")).resolve("target/hermes-worker.jar");

    private final Process process;
    private final Path log;

    private WorkerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code env} is the launcher's; emulator credentials and no EC2 metadata are added. */
    public static WorkerProcess start(Map<String, String> env, Path log) {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("AWS_ACCESS_KEY_ID", "hermeslocal");   // DynamoDB Local 2.x: letters and digits
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "hermeslocal");
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        try {
            return new WorkerProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no cleanup, children left behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Sends {@code signal} (e.g. STOP, CONT) with the kill program. */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder(List.of("kill", "-s", signal, Long.toString(process.pid())))
                .redirectErrorStream(true).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -s " + signal + " failed: " + new String(kill.getInputStream().readAllBytes()));
        }
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the worker did not exit within " + timeout + "\n" + output());
        }
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
