package dev.hermes.worker;

import dev.hermes.protocol.message.MessageCodec;
import dev.hermes.protocol.secret.CachingKeyProvider;
import dev.hermes.protocol.secret.SecretCipher;
import dev.hermes.worker.secret.KeyFileReader;
import dev.hermes.worker.secret.KmsDecrypter;
import dev.hermes.worker.secret.WorkerKeys;
import dev.hermes.worker.agent.AgentRunner;
import dev.hermes.worker.agent.DynamoDbProjectStore;
import dev.hermes.worker.agent.StopReason;
import dev.hermes.worker.interrupt.ControlLoop;
import dev.hermes.worker.interrupt.SqsControlQueue;
import dev.hermes.worker.lease.DynamoDbLeaseStore;
import dev.hermes.worker.lease.LeaseKeeper;
import dev.hermes.worker.lease.LeaseNotGrantedException;
import dev.hermes.worker.poll.Backoff;
import dev.hermes.worker.poll.DynamoDbQueueUrls;
import dev.hermes.worker.poll.PollLoop;
import dev.hermes.worker.poll.QueueUrls;
import dev.hermes.worker.poll.SqsInputQueue;
import dev.hermes.worker.poll.VisibilityExtender;
import dev.hermes.worker.result.DynamoDbCommandStore;
import dev.hermes.worker.result.EventReporter;
import dev.hermes.worker.result.SqsOutQueue;
import dev.hermes.worker.session.Checkpoint;
import dev.hermes.worker.session.Git;
import dev.hermes.worker.session.Workspace;
import dev.hermes.worker.session.Worktrees;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One worker for one container: reads the container's queues, takes the lease, and polls until idle,
 * lease loss or {@link #stop()}. {@link #run()} returns how the process should exit.
 */
public final class Worker {
    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    static final Duration GIT_TIMEOUT = Duration.ofMinutes(10);
    static final Duration PUSH_PAUSE = Duration.ofSeconds(2);
    /** Long-poll wait on -ctl; also how long a leaving worker may take to hand back what its last poll got. */
    static final Duration CONTROL_WAIT = Duration.ofSeconds(5);
    /** After a lease loss: time to stop the agent and commit its work before the process exits. */
    static final Duration CHECKPOINT_ALLOWANCE = Duration.ofSeconds(30);
    /** How long an unwrapped data key of a project secret is kept in memory. */
    static final Duration SECRET_KEY_CACHE = Duration.ofMinutes(5);

    private final WorkerConfig config;
    private final AwsClients clients;
    private final Clock clock;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile PollLoop loop;
    private volatile ControlLoop control;
    private volatile Thread controlThread;
    private volatile CommandProcessor processor;
    private final java.util.List<Runnable> closeables = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Worker(WorkerConfig config, AwsClients clients) {
        this(config, clients, Clock.systemUTC());
    }

    public Worker(WorkerConfig config, AwsClients clients, Clock clock) {
        this.config = config;
        this.clients = clients;
        this.clock = clock;
    }

    /** Runs on the calling thread until the worker is done; call at most once. */
    public ExitCode run() {
        Map<String, String> context = Map.of("containerKey", config.containerKey().value());
        MDC.setContextMap(context);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3, threads("hermes-timer", context));
        ExecutorService background = Executors.newCachedThreadPool(threads("hermes-work", context));
        try {
            return serve(scheduler, background, context);
        } catch (LeaseNotGrantedException e) {
            log.warn("{}; exiting", e.getMessage());
            return ExitCode.LEASE_HELD;
        } catch (RuntimeException e) {
            log.error("worker failed: {}", e.getMessage(), e);
            return ExitCode.FATAL;
        } finally {
            stopControl();
            closeables.forEach(Runnable::run); // in order: the event reporter first, so what it holds still goes out
            scheduler.shutdownNow();
            background.shutdown();
            finished.countDown();
            MDC.clear();
        }
    }

    /** Ends the worker soon: the running agent is stopped, its message left for the next worker, the lease released. */
    public void stop() {
        stopRequested = true;
        PollLoop current = loop;
        if (current != null) {
            current.stop();
        }
        ControlLoop interrupts = control;
        if (interrupts != null) {
            interrupts.stop();
        }
        CommandProcessor running = processor;
        if (running != null) {
            running.stopRunning(StopReason.SHUTDOWN);
        }
    }

    /** @return true when {@link #run()} has returned within {@code timeout} */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private ExitCode serve(ScheduledExecutorService scheduler, ExecutorService background, Map<String, String> context) {
        Workspace workspace = new Workspace(config.workspace()).create();
        QueueUrls queues = new DynamoDbQueueUrls(clients.dynamoDb(), config.tables().containers())
                .load(config.containerKey());
        CompletableFuture<ExitCode> exit = new CompletableFuture<>();
        MessageCodec codec = new MessageCodec();
        SqsOutQueue out = new SqsOutQueue(clients.sqs(), queues.out(), codec);
        EventReporter events = new EventReporter(config.containerKey(), out, clock);
        closeables.add(events::close); // what is still to report (a refused write, an interrupt) goes out
        LeaseKeeper lease = new LeaseKeeper(
                new DynamoDbLeaseStore(clients.dynamoDb(), config.tables().containers(), config.containerKey(), clock),
                config.workerId(), config.leaseDuration(), scheduler, lost -> {
                    CommandProcessor running = processor;
                    if (running != null) {
                        running.stopRunning(StopReason.LEASE_LOST);
                    }
                    exit.complete(ExitCode.LEASE_LOST);
                }, events);
        WorkerTimings timings = config.timings();
        SqsInputQueue in = new SqsInputQueue(clients.sqs(), queues.in(), timings.visibilityTimeout(),
                config.containerKey().value());
        Git git = new Git(config.gitIdentity(), GIT_TIMEOUT);
        Worktrees worktrees = new Worktrees(workspace, git);
        KmsDecrypter kms = new KmsDecrypter(() -> AwsClients.kms(config));
        closeables.add(kms::close);
        SecretCipher cipher = new SecretCipher(new CachingKeyProvider(new WorkerKeys(
                config.secrets().keyFile() == null ? null : new KeyFileReader(config.secrets().keyFile()), kms),
                SECRET_KEY_CACHE, Integer.MAX_VALUE));
        CommandWork work = new CommandWork(
                new DynamoDbProjectStore(clients.dynamoDb(), config.tables().routes(), cipher), workspace, worktrees,
                new AgentRunner(timings.stopGrace()), new Checkpoint(git, PUSH_PAUSE), lease, config.agentBaseEnv(),
                clock);
        processor = new CommandProcessor(config.containerKey(), codec, in,
                out,
                new DynamoDbCommandStore(clients.dynamoDb(), config.tables()), lease, work,
                new VisibilityExtender(in, scheduler, timings.visibilityExtendEvery(), timings.visibilityTimeout(),
                        lease::isFresh), timings, background, clock);
        loop = new PollLoop(in, processor, lease, config.idleTimeout(),
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)),
                () -> new WorkspaceJanitor(workspace, worktrees).tidy(timings.worktreeRetention()));

        lease.acquire();
        log.info("worker {} serving {} (idle timeout {} s, visibility {} s, retry back-off {} s, stop grace {} ms)",
                config.workerId(), in.name(), config.idleTimeout().toSeconds(), timings.visibilityTimeout().toSeconds(),
                timings.retryBackoff().toSeconds(), timings.stopGrace().toMillis());
        new WorkspaceJanitor(workspace, worktrees).stopLeftoverAgents(timings.stopGrace());
        if (queues.ctl() != null) {
            control = new ControlLoop(new SqsControlQueue(clients.sqs(), queues.ctl()), codec, config.containerKey(),
                    processor, CONTROL_WAIT, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)), lease::isFresh,
                    (interrupt, outcome, latency) -> events.interrupt(interrupt.target(), outcome, latency));
            controlThread = threads("hermes-ctl", context).newThread(control::run);
            controlThread.start();
        } else {
            log.warn("the container has no control queue: interrupts cannot reach this worker");
        }
        if (stopRequested) {
            loop.stop();
        }
        Thread poller = threads("hermes-poll", context).newThread(() -> {
            try {
                exit.complete(exitCode(loop.run()));
            } catch (Throwable t) {
                log.error("poll loop failed", t);
                exit.complete(ExitCode.FATAL);
            }
        });
        poller.start();
        ExitCode code = exit.join();
        try {
            // After a lease loss the poller is still stopping the agent and committing its work: give it time.
            poller.join(code == ExitCode.LEASE_LOST
                    ? config.timings().stopGrace().multipliedBy(2).plus(CHECKPOINT_ALLOWANCE).toMillis() : 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("worker exiting: {}", code);
        return code;
    }

    /**
     * Ends the control loop and waits for its last long poll: an interrupt that poll brings is handed back
     * to the queue for the next worker instead of dying with this process.
     */
    private void stopControl() {
        ControlLoop interrupts = control;
        Thread thread = controlThread;
        if (interrupts != null) {
            interrupts.stop();
        }
        if (thread != null) {
            try {
                thread.join(CONTROL_WAIT.plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ExitCode exitCode(PollLoop.Outcome outcome) {
        return switch (outcome) {
            case IDLE, STOPPED -> ExitCode.IDLE;
            case LEASE_LOST -> ExitCode.LEASE_LOST;
            case LEASE_TAKEN -> ExitCode.LEASE_HELD;
        };
    }

    /** Daemon threads that carry the worker's logging context. */
    private static ThreadFactory threads(String name, Map<String, String> context) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(() -> {
                MDC.setContextMap(context);
                task.run();
            }, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
