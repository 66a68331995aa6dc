package dev.hermes.worker.interrupt;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.protocol.state.InterruptKind;
import java.util.concurrent.CompletableFuture;

/** What interrupts act on: the command running now, if it is the one they name. */
@FunctionalInterface
public interface InterruptTarget {
    /**
     * Stops {@code target} if it runs now. @return completes once its outcome is settled; at once when
     * {@code target} is not running (the interrupt is ignored)
     */
    CompletableFuture<Void> interrupt(CommandId target, InterruptKind kind, CommandId by);
}
