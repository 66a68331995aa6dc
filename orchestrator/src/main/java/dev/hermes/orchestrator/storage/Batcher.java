package dev.hermes.orchestrator.storage;

import dev.hermes.protocol.naming.MetricNames;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers on many threads submit items; a worker thread takes whatever is pending (up
 * to {@code maxBatch}) and hands it to the handler as one batch, which settles every job. A batch
 * runs as soon as a worker is free: nothing waits on a timer, so a lone item goes out at once, and
 * under load the items that arrive while batches are in flight form the next one. With one worker
 * the batches are handled strictly in order; with more, up to that many are in flight at once.
 */
public final class Batcher<T, R> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Batcher.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * Settles every job of the batch, or hands it on to a later stage ({@link Job#handOff}); a job
     * it leaves open otherwise fails with the exception it threw.
     */
    public interface Handler<T, R> {
        void handle(List<Job<T, R>> batch);
    }

    /** One submitted item and the future its caller waits on. */
    public static final class Job<T, R> {
        private final T item;
        private final CompletableFuture<R> result = new CompletableFuture<>();
        private volatile boolean handedOff;

        private Job(T item) {
            this.item = item;
        }

        public T item() {
            return item;
        }

        public void complete(R value) {
            result.complete(value);
        }

        public void fail(RuntimeException failure) {
            result.completeExceptionally(failure);
        }

        public boolean settled() {
            return result.isDone();
        }

        /** Another stage will settle this job: it stays open when the handler returns. */
        public void handOff() {
            handedOff = true;
        }
    }

    private final String name;
    private final int maxBatch;
    private final Handler<T, R> handler;
    private final BlockingQueue<Job<T, R>> pending = new LinkedBlockingQueue<>();
    private final DistributionSummary sizes;
    private final Timer durations;
    private final List<Thread> threads = new ArrayList<>();
    private final Duration linger;
    private volatile boolean closed;

    public Batcher(String name, int maxBatch, Handler<T, R> handler, MeterRegistry meters) {
        this(name, maxBatch, 1, Duration.ZERO, handler, meters);
    }

    /**
     * {@code linger} is how long a batch waits for more items after its first: zero for a stage a
     * caller waits on; more only for work done after the caller was answered, where a larger batch
     * costs no one time.
     */
    public Batcher(String name, int maxBatch, int workers, Duration linger, Handler<T, R> handler, MeterRegistry meters) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.handler = handler;
        this.linger = linger;
        this.sizes = DistributionSummary.builder(MetricNames.BATCH_SIZE).tag(MetricNames.TAG_STAGE, name)
                .description("items per batch of a group-commit stage").register(meters);
        this.durations = Timer.builder(MetricNames.BATCH_DURATION).tag(MetricNames.TAG_STAGE, name)
                .description("time to settle one batch of a group-commit stage").register(meters);
        for (int i = 0; i < workers; i++) {
            Thread thread = new Thread(this::run, "hermes-" + name + (workers == 1 ? "" : "-" + i));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    public CompletableFuture<R> submit(T item) {
        Job<T, R> job = new Job<>(item);
        if (closed) {
            job.fail(new BackendUnavailableException(name + " is shut down", null));
            return job.result;
        }
        pending.add(job);
        return job.result;
    }

    /** Submits and waits; the job's failure is rethrown as it was raised. */
    public R await(T item) {
        return await(submit(item), name);
    }

    /** Waits for a result of this or a later stage; its failure is rethrown as it was raised. */
    public static <V> V await(CompletableFuture<V> result, String name) {
        try {
            return result.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new BackendUnavailableException(name + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new BackendUnavailableException(name + " did not answer within " + WAIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException("interrupted while waiting for " + name, e);
        }
    }

    private void run() {
        while (!closed || !pending.isEmpty()) {
            List<Job<T, R>> batch = new ArrayList<>();
            try {
                Job<T, R> first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
                continue;
            }
            pending.drainTo(batch, maxBatch - 1);
            lingerFor(batch);
            sizes.record(batch.size());
            RuntimeException failure = null;
            long started = System.nanoTime();
            try {
                handler.handle(batch);
            } catch (RuntimeException e) {
                LOG.error("{} batch of {} failed", name, batch.size(), e);
                failure = e;
            }
            durations.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            for (Job<T, R> job : batch) {
                if (!job.settled() && !job.handedOff) {
                    job.fail(failure != null ? failure : new IllegalStateException(name + " left a job unsettled"));
                }
            }
        }
    }

    private void lingerFor(List<Job<T, R>> batch) {
        long deadline = System.nanoTime() + linger.toNanos();
        while (!closed && batch.size() < maxBatch && System.nanoTime() < deadline) {
            try {
                Job<T, R> more = pending.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (more != null) {
                    batch.add(more);
                    pending.drainTo(batch, maxBatch - batch.size());
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops taking items, runs what is pending, and waits up to {@code drain} for it. */
    public void close(Duration drain) {
        closed = true;
        long deadline = System.nanoTime() + drain.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread.interrupt();
        }
        Job<T, R> left;
        while ((left = pending.poll()) != null) {
            left.fail(new BackendUnavailableException(name + " is shut down", null));
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
