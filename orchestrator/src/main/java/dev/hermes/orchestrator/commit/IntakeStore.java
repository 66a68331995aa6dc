package dev.hermes.orchestrator.commit;

import java.util.List;
import java.util.Objects;

/** Where the intake's writes become durable: many messages' writes in as few requests as the store allows. */
public interface IntakeStore {
    /**
     * Commits every write all or nothing, each independent of the others: a write that fails its
     * condition or is refused leaves the rest committed. One outcome per write, in order.
     */
    List<Outcome> commit(List<IntakeWrite> writes);

    /** A result, or the failure that left the write undone (retrying the delivery is safe). */
    record Outcome(CommitResult result, RuntimeException failure) {
        public Outcome {
            if ((result == null) == (failure == null)) {
                throw new IllegalArgumentException("exactly one of result and failure");
            }
        }

        public static Outcome of(CommitResult result) {
            return new Outcome(Objects.requireNonNull(result), null);
        }

        public static Outcome failed(RuntimeException failure) {
            return new Outcome(null, Objects.requireNonNull(failure));
        }
    }
}
