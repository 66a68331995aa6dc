package dev.hermes.worker;

import dev.hermes.protocol.id.CommandId;
import dev.hermes.worker.result.CommandOutcome;
import java.util.Objects;

/** What one attempt at a command came to, and so what the processor writes and does with its message. */
sealed interface WorkOutcome {

    /** The command ended (SUCCEEDED, FAILED, TIMED_OUT, SUPERSEDED, INTERRUPTED): write, publish, delete. */
    record Finished(CommandOutcome outcome) implements WorkOutcome {
        public Finished {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** A failure another attempt may cure: back to QUEUED, the message hidden for the back-off, then redelivered. */
    record Retry(String reason) implements WorkOutcome {
    }

    /** Preempted under policy {@code resume}: back to QUEUED and re-enqueued behind {@code by}. */
    record Resume(CommandId by) implements WorkOutcome {
    }

    /** The worker is shutting down: back to QUEUED and the message visible again at once. */
    record PutBack(String reason) implements WorkOutcome {
    }

    /** The lease is gone: nothing may be written; the message comes back to whoever holds the lease next. */
    record Abandoned(String reason) implements WorkOutcome {
    }
}
