package dev.hermes.orchestrator.commit;

import dev.hermes.orchestrator.storage.Batcher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The intake's group commit: each request hands in its write and waits; the writes that are
 * pending when the committer is free go to the store together, so concurrent messages share one
 * transaction instead of paying three requests each.
 */
@Singleton
public class GroupCommitter {
    /** Writes per batch: the store splits them into transactions of its own limits. */
    private static final int MAX_BATCH = 100;
    private final IntakeStore store;
    private final Batcher<IntakeWrite, CommitResult> batcher;

    public GroupCommitter(IntakeStore store, CommitConfig config, MeterRegistry meters) {
        this.store = store;
        this.batcher = new Batcher<>("intake-commit", MAX_BATCH, config.workers(), Duration.ZERO, this::commitAll, meters);
    }

    /** Blocks until the write is settled; throws when it could not be committed now. */
    public CommitResult commit(IntakeWrite write) {
        return batcher.await(write);
    }

    /** Does not wait: the result completes on the committer's thread (chain the next stage there). */
    public CompletableFuture<CommitResult> submit(IntakeWrite write) {
        return batcher.submit(write);
    }

    private void commitAll(List<Batcher.Job<IntakeWrite, CommitResult>> jobs) {
        List<IntakeStore.Outcome> outcomes = store.commit(jobs.stream().map(Batcher.Job::item).toList());
        for (int i = 0; i < jobs.size(); i++) {
            IntakeStore.Outcome outcome = outcomes.get(i);
            if (outcome.failure() != null) {
                jobs.get(i).fail(outcome.failure());
            } else {
                jobs.get(i).complete(outcome.result());
            }
        }
    }

    @PreDestroy
    void close() {
        batcher.close();
    }
}
