package dev.hermes.worker.agent;

import dev.hermes.protocol.state.CommandStatus;
import java.util.Objects;

/**
 * How an agent run ended: SUCCEEDED (exit 0), FAILED, or TIMED_OUT, with a one-line summary.
 * {@code stoppedBy} is set when the run was stopped from outside; its status then means nothing.
 */
public record AgentResult(CommandStatus status, String summary, StopReason stoppedBy) {
    public AgentResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
    }

    public boolean stopped() {
        return stoppedBy != null;
    }
}
