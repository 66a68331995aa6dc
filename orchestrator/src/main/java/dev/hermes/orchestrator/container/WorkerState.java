package dev.hermes.orchestrator.container;

/**
 * A worker as its launcher sees it. {@code reason} and {@code exitCode} are set once it STOPPED
 * (exit code null when the launcher cannot know it).
 */
public record WorkerState(Phase phase, String reason, Integer exitCode) {
    public enum Phase {
        /** Asked for, not yet running (ECS PROVISIONING/PENDING/ACTIVATING). */
        PENDING,
        RUNNING,
        /** Gone: exited, killed, or never known to this launcher. */
        STOPPED,
        /** The launcher could not be asked (an API error): do nothing on this basis. */
        UNKNOWN
    }

    public static WorkerState running() {
        return new WorkerState(Phase.RUNNING, null, null);
    }

    public static WorkerState stopped(String reason, Integer exitCode) {
        return new WorkerState(Phase.STOPPED, reason, exitCode);
    }

    public static WorkerState unknown(String reason) {
        return new WorkerState(Phase.UNKNOWN, reason, null);
    }

    public boolean isStopped() {
        return phase == Phase.STOPPED;
    }

    public boolean isAlive() {
        return phase == Phase.PENDING || phase == Phase.RUNNING;
    }
}
