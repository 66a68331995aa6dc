package dev.hermes.worker.bench;

import dev.hermes.protocol.id.ThreadId;
import dev.hermes.protocol.message.CommandMessage;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.worker.AwsClients;
import dev.hermes.worker.Worker;
import dev.hermes.worker.WorkerConfig;
import dev.hermes.worker.testing.Emulators;
import dev.hermes.worker.testing.HermesTables;
import dev.hermes.worker.testing.Scenario;
import dev.hermes.worker.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long a worker takes from a command's message to its agent's start, with a no-op agent: the
 * worker (in this JVM) long-polls an idle queue; each command is sent to {@code -in.fifo} and the time
 * until the agent wrote its first timestamp is taken. That is an upper bound of receipt-to-start: it
 * includes SQS delivery, which is measured on its own in the same run (send to a long-polled queue).
 * ElasticMQ and DynamoDB Local run on 127.0.0.1 (DynamoDB over HTTP, as a worker process sees it).
 *
 * <p>Run: {@code ./mvnw -B -q -Pbench-start -DskipTests -pl worker -am verify} (see BENCHMARKS.md).
 */
public final class StartOverheadBenchmark {
    private static final int COMMANDS = Integer.getInteger("bench.commands", 100);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 10);

    private StartOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("hermes-start-bench");
        Path starts = Files.createDirectories(root.resolve("starts"));
        Path agent = root.resolve("noop-agent.sh");
        Files.writeString(agent, "#!/bin/sh\ndate +%s%N > \"$BENCH_OUT/$HERMES_COMMAND_ID\"\n");
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwx------"));
        try (Emulators emulators = Emulators.startWithDynamoDbServer()) {
            TableNames tables = HermesTables.create(emulators.dynamoDb(), "bench-");
            TestRepo repo = TestRepo.create(root.resolve("remote"));
            Scenario scenario = Scenario.create(emulators, tables);
            scenario.project(repo.url(), List.of(agent.toString()), Map.of("BENCH_OUT", starts.toString()), 60L);
            WorkerConfig config = scenario.config(root.resolve("workspace"), Duration.ofMinutes(10), Duration.ofSeconds(20));
            Worker worker = new Worker(config, new AwsClients(emulators.sqs(), emulators.dynamoDb()));
            Thread thread = new Thread(worker::run, "bench-worker");
            thread.setDaemon(true);
            thread.start();

            List<Double> overhead = new ArrayList<>();
            ThreadId thread1 = ThreadId.fromRootKey("<bench@example.com>", 0);
            for (int i = 0; i < WARMUP + COMMANDS; i++) {
                CommandMessage command = scenario.record(thread1, "noop " + i, "nothing to do");
                long sentMillis = System.currentTimeMillis();
                scenario.send(command);
                Path start = starts.resolve(command.commandId().value());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.exists(start) || Files.size(start) == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the agent of command " + i + " never started");
                    }
                    Thread.onSpinWait();
                }
                long agentNanos = Long.parseLong(Files.readString(start).strip());
                if (i >= WARMUP) {
                    overhead.add((agentNanos / 1_000_000.0) - sentMillis);
                }
                // Wait for the result so the worker is idle and long-polling when the next one is sent.
                while (scenario.result(command.commandId()).isEmpty()) {
                    Thread.sleep(5);
                }
            }
            List<Double> delivery = SqsDelivery.measure(emulators, COMMANDS);
            worker.stop();
            worker.awaitTermination(Duration.ofSeconds(30));
            System.out.printf("start overhead (send -> no-op agent start), %d commands: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    overhead.size(), percentile(overhead, 50), percentile(overhead, 99), percentile(overhead, 100));
            System.out.printf("  of which SQS delivery (send -> long-poll receive), %d messages: p50 %.1f ms, p99 %.1f ms%n",
                    delivery.size(), percentile(delivery, 50), percentile(delivery, 99));
        }
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
