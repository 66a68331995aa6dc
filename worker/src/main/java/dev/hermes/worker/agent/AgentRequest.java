package dev.hermes.worker.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One agent run. {@code environment} is the agent's whole environment (nothing else is inherited);
 * {@code instructionFile}, {@code summaryFile} and {@code logFile} lie outside {@code workingDirectory};
 * at most {@code outputCapBytes} of output are kept in the log.
 */
public record AgentRequest(
        List<String> argv,
        Map<String, String> environment,
        Path workingDirectory,
        String instruction,
        Path instructionFile,
        Path summaryFile,
        Path logFile,
        Duration timeout,
        long outputCapBytes) {

    public AgentRequest {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(instructionFile, "instructionFile");
        Objects.requireNonNull(summaryFile, "summaryFile");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(timeout, "timeout");
        if (outputCapBytes < 0) {
            throw new IllegalArgumentException("outputCapBytes must not be negative");
        }
    }
}
