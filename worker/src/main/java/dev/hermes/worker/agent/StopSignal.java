package dev.hermes.worker.agent;

import java.util.concurrent.CompletableFuture;

/** A cooperative cancellation token for one command: the first {@link #stop} wins. */
public final class StopSignal {
    private final CompletableFuture<StopReason> reason = new CompletableFuture<>();

    /** @return true when this call stopped it, false when it was already stopped */
    public boolean stop(StopReason why) {
        return reason.complete(why);
    }

    public boolean isStopped() {
        return reason.isDone();
    }

    /** The reason, or null while not stopped. */
    public StopReason reason() {
        return reason.getNow(null);
    }

    /** Completes when stopped. */
    public CompletableFuture<StopReason> whenStopped() {
        return reason;
    }
}
