package dev.hermes.orchestrator.thread;

/**
 * The thread a message belongs to, the signal that decided it, and whether it is new: just created
 * by this message, or (from {@link ThreadResolver#plan}) still to be created with its command.
 */
public record ResolvedThread(ThreadRecord thread, ThreadSignal signal, boolean created) {
}
