package dev.hermes.worker.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an agent as an argument vector, without a shell. The instruction is data: written to stdin
 * and to a file named by {@code HERMES_INSTRUCTION_FILE}. Output (stdout and stderr) is drained into
 * the log file up to the profile's cap. On timeout or stop the whole process tree gets SIGINT, then
 * SIGKILL after the grace period. The summary is what the agent wrote to {@code HERMES_SUMMARY_FILE},
 * else the last line of its output.
 */
public final class AgentRunner {
    private static final Logger log = LoggerFactory.getLogger(AgentRunner.class);
    public static final String INSTRUCTION_FILE = "HERMES_INSTRUCTION_FILE";
    public static final String SUMMARY_FILE = "HERMES_SUMMARY_FILE";
    /** How long output may keep flowing after the agent exited (a background child holding the pipe). */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final Duration grace;

    public AgentRunner(Duration grace) {
        this.grace = grace;
    }

    public AgentResult run(AgentRequest request, StopSignal stop) {
        byte[] instruction = request.instruction().getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(request.instructionFile().getParent());
            Files.createDirectories(request.logFile().getParent());
            Files.createDirectories(request.summaryFile().getParent());
            Files.deleteIfExists(request.summaryFile());
            Files.write(request.instructionFile(), instruction);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the instruction file", e);
        }
        try {
            return runProcess(request, instruction, stop);
        } finally {
            delete(request.instructionFile());
            delete(request.summaryFile());
        }
    }

    private AgentResult runProcess(AgentRequest request, byte[] instruction, StopSignal stop) {
        Map<String, String> env = new HashMap<>(request.environment());
        env.put(INSTRUCTION_FILE, request.instructionFile().toString());
        env.put(SUMMARY_FILE, request.summaryFile().toString());
        ProcessBuilder builder = new ProcessBuilder(request.argv())
                .directory(request.workingDirectory().toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        if (stop.isStopped()) {
            return new AgentResult(AgentResult.Ending.STOPPED, "stopped before the agent started", stop.reason());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            log.warn("agent {} could not start: {}", request.argv().get(0), e.getMessage());
            return new AgentResult(AgentResult.Ending.NOT_STARTED, "agent could not start: " + e.getMessage(), null);
        }
        log.info("agent started: pid {}, instruction {} bytes, timeout {} s", process.pid(), instruction.length,
                request.timeout().toSeconds());
        OutputCapture output = OutputCapture.start(process.getInputStream(), request.logFile(),
                request.outputCapBytes(), "agent-output-" + process.pid());
        feed(process, instruction);

        boolean timedOut = false;
        try {
            CompletableFuture.anyOf(process.onExit(), stop.whenStopped())
                    .get(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            timedOut = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stop(StopReason.SHUTDOWN);
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for the agent failed", e);
        }
        // Decided before the tree is signalled: an agent that exits of our SIGINT is stopped, not failed.
        StopReason stoppedBy = timedOut || !process.isAlive() ? null : stop.reason();
        if (process.isAlive()) {
            log.info("stopping agent pid {}: {}", process.pid(), timedOut ? "timed out" : stoppedBy);
            ProcessTree.stop(process.toHandle(), grace);
        }
        output.awaitDrained(DRAIN);
        String summary = summary(request.summaryFile(), output);
        if (timedOut) {
            log.info("agent timed out after {} s", request.timeout().toSeconds());
            return new AgentResult(AgentResult.Ending.TIMED_OUT,
                    "agent timed out after " + request.timeout().toSeconds() + " s"
                            + (summary == null ? "" : ": " + summary), null);
        }
        if (stoppedBy != null) {
            return new AgentResult(AgentResult.Ending.STOPPED, summary == null ? "agent stopped: " + stoppedBy : summary,
                    stoppedBy);
        }
        int code = exitCode(process);
        log.info("agent exited with code {} ({} bytes of output)", code, output.bytes());
        return new AgentResult(code == 0 ? AgentResult.Ending.SUCCEEDED : AgentResult.Ending.FAILED,
                summary != null ? summary : "agent exited with code " + code, null);
    }

    private static int exitCode(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The agent's own summary file when it wrote one, else the last line of its output. */
    private static String summary(Path file, OutputCapture output) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                byte[] bytes = Files.readAllBytes(file);
                String text = new String(bytes, 0, Math.min(bytes.length, 16 * 1024), StandardCharsets.UTF_8)
                        .replaceAll("[\\p{Cntrl}&&[^\n\t]]", " ").strip();
                if (!text.isEmpty()) {
                    return text;
                }
            }
        } catch (IOException e) {
            log.warn("cannot read the agent's summary file: {}", e.toString());
        }
        return output.lastLine();
    }

    /** Writes the instruction to stdin on its own thread: an agent that never reads it must not block us. */
    private static void feed(Process process, byte[] instruction) {
        Thread feeder = new Thread(() -> {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(instruction);
            } catch (IOException e) {
                log.debug("agent closed stdin early: {}", e.toString());
            }
        }, "agent-stdin-" + process.pid());
        feeder.setDaemon(true);
        feeder.start();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", file, e.toString());
        }
    }
}
