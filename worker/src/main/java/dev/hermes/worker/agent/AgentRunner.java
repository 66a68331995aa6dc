package dev.hermes.worker.agent;

import dev.hermes.protocol.state.CommandStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * and to a file named by {@code HERMES_INSTRUCTION_FILE}. Output (stdout and stderr) goes to the log
 * file. On timeout or stop the whole process tree is terminated, then killed after a grace period.
 */
public final class AgentRunner {
    private static final Logger log = LoggerFactory.getLogger(AgentRunner.class);
    public static final String INSTRUCTION_FILE = "HERMES_INSTRUCTION_FILE";

    private final Duration grace;

    public AgentRunner(Duration grace) {
        this.grace = grace;
    }

    public AgentResult run(AgentRequest request, StopSignal stop) {
        byte[] instruction = request.instruction().getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(request.instructionFile().getParent());
            Files.createDirectories(request.logFile().getParent());
            Files.write(request.instructionFile(), instruction);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the instruction file", e);
        }
        try {
            return runProcess(request, instruction, stop);
        } finally {
            try {
                Files.deleteIfExists(request.instructionFile());
            } catch (IOException e) {
                log.warn("cannot delete {}: {}", request.instructionFile(), e.toString());
            }
        }
    }

    private AgentResult runProcess(AgentRequest request, byte[] instruction, StopSignal stop) {
        Map<String, String> env = new HashMap<>(request.environment());
        env.put(INSTRUCTION_FILE, request.instructionFile().toString());
        ProcessBuilder builder = new ProcessBuilder(request.argv())
                .directory(request.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(request.logFile().toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            log.warn("agent {} could not start: {}", request.argv().get(0), e.getMessage());
            return new AgentResult(CommandStatus.FAILED, "agent could not start: " + e.getMessage(), null);
        }
        log.info("agent started: pid {}, instruction {} bytes, timeout {} s", process.pid(), instruction.length,
                request.timeout().toSeconds());
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
        if (process.isAlive()) {
            log.warn("stopping agent pid {}: {}", process.pid(), timedOut ? "timed out" : stop.reason());
            ProcessTree.stop(process.toHandle(), grace);
        }
        if (timedOut) {
            log.info("agent timed out after {} s", request.timeout().toSeconds());
            return new AgentResult(CommandStatus.TIMED_OUT,
                    "agent timed out after " + request.timeout().toSeconds() + " s", null);
        }
        if (stop.isStopped()) {
            return new AgentResult(CommandStatus.FAILED, "agent stopped: " + stop.reason(), stop.reason());
        }
        int code = process.exitValue();
        log.info("agent exited with code {}", code);
        String last = OutputTail.lastLine(request.logFile());
        String summary = last != null ? last : "agent exited with code " + code;
        return new AgentResult(code == 0 ? CommandStatus.SUCCEEDED : CommandStatus.FAILED, summary, null);
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
}
