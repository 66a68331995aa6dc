package dev.hermes.orchestrator.commit;

/** How the write of one message ended. Nothing of it was written unless it is {@link #COMMITTED}. */
public enum CommitResult {
    /** The command, its thread and its keys are durable. */
    COMMITTED,
    /** The command exists already: a redelivery, or another delivery racing this one. */
    DUPLICATE,
    /** The planned new thread's id is taken: by the same conversation (a race) or another root key. */
    THREAD_TAKEN
}
