package dev.hermes.worker.agent;

import java.util.Objects;

/**
 * How an agent run ended, with a summary for the reply. The ending is what the worker knows, never a
 * guess from an exit code: STOPPED and TIMED_OUT mean the worker signalled the process tree itself.
 */
public record AgentResult(Ending ending, String summary, StopReason stoppedBy) {

    public enum Ending {
        /** Exit code 0. */
        SUCCEEDED,
        /** Exited by itself with another code, or died of a signal nobody here sent. */
        FAILED,
        /** Ran past its timeout and was stopped. */
        TIMED_OUT,
        /** Stopped from outside ({@link #stoppedBy}). */
        STOPPED,
        /** The program could not be started at all (missing, not executable): retrying does not help. */
        NOT_STARTED
    }

    public AgentResult {
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(summary, "summary");
        if ((ending == Ending.STOPPED) != (stoppedBy != null)) {
            throw new IllegalArgumentException("stoppedBy is set exactly when the run was stopped");
        }
    }

    public boolean stopped() {
        return stoppedBy != null;
    }
}
