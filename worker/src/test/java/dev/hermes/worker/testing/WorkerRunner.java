package dev.hermes.worker.testing;

import dev.hermes.worker.AwsClients;
import dev.hermes.worker.ExitCode;
import dev.hermes.worker.Worker;
import dev.hermes.worker.WorkerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs workers in this JVM on their own threads, and stops whatever is left at the end of a test. */
public final class WorkerRunner implements AutoCloseable {
    private final Emulators emulators;
    private final List<Worker> started = new ArrayList<>();

    public WorkerRunner(Emulators emulators) {
        this.emulators = emulators;
    }

    public CompletableFuture<ExitCode> start(WorkerConfig config) {
        Worker worker = new Worker(config, new AwsClients(emulators.sqs(), emulators.dynamoDb()));
        started.add(worker);
        CompletableFuture<ExitCode> exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> exit.complete(worker.run()), "worker-under-test");
        thread.setDaemon(true);
        thread.start();
        return exit;
    }

    @Override
    public void close() throws InterruptedException {
        for (Worker worker : started) {
            worker.stop();
            if (!worker.awaitTermination(Duration.ofSeconds(60))) {
                throw new AssertionError("a worker did not stop");
            }
        }
    }

    /** The sample agents of {@code examples/agents}. */
    public static java.nio.file.Path exampleAgent(String name) {
        return java.nio.file.Path.of(System.getProperty("basedir", ".")).resolve("../examples/agents").resolve(name)
                .toAbsolutePath().normalize();
    }
}
