package dev.hermes.worker;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker process. Reads its configuration from the environment (the only place that does), runs
 * one {@link Worker} and exits with its {@link ExitCode}: 0 idle, 3 lease held by another worker,
 * 4 lease lost, 1 anything else.
 */
public final class WorkerMain {
    private static final Logger log = LoggerFactory.getLogger(WorkerMain.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(25);

    private WorkerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv()).status());
    }

    static ExitCode run(Map<String, String> env) {
        WorkerConfig config;
        try {
            config = WorkerConfig.fromEnvironment(env);
        } catch (InvalidConfigurationException e) {
            log.error("invalid configuration: {}", e.getMessage());
            return ExitCode.FATAL;
        }
        try (AwsClients clients = AwsClients.create(config)) {
            Worker worker = new Worker(config, clients);
            Thread hook = new Thread(() -> {
                worker.stop();
                try {
                    worker.awaitTermination(SHUTDOWN_WAIT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "hermes-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            return worker.run();
        } catch (RuntimeException e) {
            log.error("worker could not start: {}", e.getMessage(), e);
            return ExitCode.FATAL;
        }
    }
}
