package dev.hermes.worker.agent;

import dev.hermes.protocol.id.CommandId;
import java.util.concurrent.CompletableFuture;

/** A cooperative cancellation token for one command: the first {@link #stop} wins. */
public final class StopSignal {
    private final CompletableFuture<StopReason> reason = new CompletableFuture<>();
    private volatile CommandId by;

    /** @return true when this call stopped it, false when it was already stopped */
    public boolean stop(StopReason why) {
        return reason.complete(why);
    }

    /** Stops it because command {@code newer} arrived (an interrupt). */
    public boolean stop(StopReason why, CommandId newer) {
        synchronized (this) {
            if (reason.isDone()) {
                return false;
            }
            by = newer;
            return reason.complete(why);
        }
    }

    public boolean isStopped() {
        return reason.isDone();
    }

    /** The reason, or null while not stopped. */
    public StopReason reason() {
        return reason.getNow(null);
    }

    /** The command whose arrival stopped this one, or null. */
    public CommandId by() {
        return by;
    }

    /** Completes when stopped. */
    public CompletableFuture<StopReason> whenStopped() {
        return reason;
    }
}
