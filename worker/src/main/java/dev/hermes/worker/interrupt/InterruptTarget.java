package dev.hermes.worker.interrupt;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.state.InterruptKind;
import dev.hermes.protocol.state.InterruptOutcome;
import java.util.concurrent.CompletableFuture;

/** What interrupts act on: the command running now, if it is the one they name. */
@FunctionalInterface
public interface InterruptTarget {
    /**
     * Stops {@code target} if it runs now. @return completes once its outcome is settled, with what the
     * interrupt did; at once with IGNORED when {@code target} is not running
     */
    CompletableFuture<InterruptOutcome> interrupt(CommandId target, InterruptKind kind, CommandId by);
}
