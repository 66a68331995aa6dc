package dev.hermes.orchestrator.thread;

/** The thread a message belongs to, the signal that decided it, and whether it was just created. */
public record ResolvedThread(ThreadRecord thread, ThreadSignal signal, boolean created) {
}
