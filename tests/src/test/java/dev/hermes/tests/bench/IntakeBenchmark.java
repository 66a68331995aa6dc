package dev.hermes.tests.bench;

import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.naming.QueueNames;
import dev.hermes.protocol.naming.TableNames;
import dev.hermes.protocol.table.ContainersTable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Intake throughput against the raw queue it feeds, measured in one run on one machine:
 * routed messages/s through {@code POST /webhooks/email/mime} (each a new thread: route, thread,
 * command, sequence, FIFO send) versus raw FIFO {@code SendMessage}/s to the same ElasticMQ at the
 * same client concurrency; the floor: the records and the send a routed message needs, written by the
 * clients themselves with no orchestrator ({@link BackendFloor}); then accept latency (p50/p99) at half
 * the saturated routed rate. Each phase is measured warm (the JIT compilers settled) and sends into
 * an empty queue. The container is held warm by a live lease (as a running worker would) so no
 * worker starts.
 *
 * <p>Run: {@code ./mvnw -B -q -Pbench -DskipTests -pl tests -am verify} (see BENCHMARKS.md).
 */
public final class IntakeBenchmark {
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
    private static final int MESSAGES = Integer.getInteger("bench.messages", 3000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 500);
    private static final int SERIAL = Integer.getInteger("bench.serial", 300);
    /** Warm-up rounds stop once the JIT compilers take less than this share of the machine. */
    private static final double SETTLED_COMPILE_SHARE = 0.03;
    private static final int SETTLED_ROUNDS = 3;
    /** The clients' threads outlive each phase, so the CPU account still sees them when it is read. */
    private static final ExecutorService CLIENTS = Executors.newCachedThreadPool(named("bench-client"));
    private static final int MAX_WARMUP_ROUNDS = Integer.getInteger("bench.warmup.rounds", 150);

    private IntakeBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Exception | Error e) {
            // A failed run must not leave the emulators' threads holding the machine.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        System.setProperty("hermes.intake.per-minute", "100000000");
        System.setProperty("hermes.intake.burst", "100000000");
        Path root = Files.createTempDirectory("hermes-bench");
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        try (LocalHermes hermes = LocalHermes.start(LocalOptions.forTests(root, repo.resolve("examples/local.yml"),
                root.resolve("no-worker.jar"), 60))) {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CONCURRENCY,
                    named("bench-http"))).build();
            URI webhook = URI.create(hermes.url() + "/webhooks/email/mime");
            String secret = hermes.property("mimeSecret");
            // First message creates the container; then a live lease makes it warm.
            check(post(http, webhook, secret, mail(0)));
            holdWarm(hermes.context().getBean(DynamoDbClient.class));

            SqsClient sqs = hermes.context().getBean(SqsClient.class);
            String raw = sqs.createQueue(b -> b.queueName("bench-raw.fifo").attributes(Map.of(
                    QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false")))
                    .queueUrl();
            String body = new String(mail(-1));

            // Messages are built before the clock starts: the client must not compete with the server.
            Map<Integer, byte[]> mails = new java.util.HashMap<>();
            for (int base : new int[]{3_000_000, 5_000_000, 7_000_000}) {
                for (int i = 0; i < MESSAGES; i++) {
                    mails.put(base + i, mail(base + i));
                }
            }
            Task routed = i -> check(post(http, webhook, secret, mails.get(i)));
            Task sends = i -> sqs.sendMessage(b -> b.queueUrl(raw).messageBody(body).messageGroupId("sample#alice")
                    .messageDeduplicationId("m" + i));

            // Until the compilers are done with both paths: the routed one runs far more code (HTTP
            // server, MIME, SDK, DynamoDB Local's expression parser) and would otherwise pay for
            // its own compilation in the measured phase.
            int routedRounds = warmUp(i -> check(post(http, webhook, secret, mail(i))), 10_000_000);
            int rawRounds = warmUp(sends, 20_000_000);
            // A worker keeps its queue short; here nobody drains it, and ElasticMQ's cost of adding to a
            // FIFO queue grows with the messages it holds. Each measured phase starts from an empty queue.
            String containerQueue = sqs.getQueueUrl(b -> b.queueName(QueueNames.forContainer("hermes-",
                    ContainerKey.parse("sample#alice")).in())).queueUrl();
            sqs.purgeQueue(b -> b.queueUrl(containerQueue));
            MeterRegistry meters = hermes.context().getBean(MeterRegistry.class);
            Map<String, Double> before = Costs.snapshot(meters);
            CpuAccount routedCpu = CpuAccount.start();
            jdk.jfr.Recording profile = profile();
            asprof("start,event=cpu,interval=1ms,threads");
            double routedRate = saturate(routed, 3_000_000, MESSAGES);
            asprof("stop,file=" + System.getProperty("bench.asprof.out", "/tmp/routed.collapsed") + ",collapsed");
            if (profile != null) {
                profile.dump(Path.of(System.getProperty("bench.jfr")));
                profile.close();
            }
            Map<String, Double> routedCosts = Costs.since(before, Costs.snapshot(meters));
            String routedCpuLine = routedCpu.finish("routed", MESSAGES);
            sqs.purgeQueue(b -> b.queueUrl(raw));
            CpuAccount rawCpu = CpuAccount.start();
            double rawRate = saturate(sends, 4_000_000, MESSAGES);
            String rawCpuLine = rawCpu.finish("raw", MESSAGES);
            // The same writes and send without the orchestrator, batched as the routed phase's commits were.
            int floorBatch = Integer.getInteger("bench.floor.batch", 0);
            if (floorBatch <= 0) {
                floorBatch = (int) Math.max(1, Math.round(Costs.meanBatch(routedCosts, "intake-commit")));
            }
            DynamoDbClient dynamo = hermes.context().getBean(DynamoDbClient.class);
            BackendFloor floor = BackendFloor.sampledFrom(dynamo, sqs, new TableNames("hermes-"), raw, floorBatch, body);
            Task floorTask = i -> floor.route(i * floor.batch());
            int floorRounds = warmUp(floorTask, 30_000_000 / floor.batch());
            sqs.purgeQueue(b -> b.queueUrl(raw));
            int floorCalls = MESSAGES / floor.batch();
            CpuAccount floorCpu = CpuAccount.start();
            double floorRate = saturate(floorTask, 40_000_000 / floor.batch(), floorCalls) * floor.batch();
            String floorCpuLine = floorCpu.finish("floor", floorCalls * floor.batch());
            Task gets = i -> dynamo.getItem(b -> b.tableName("hermes-routes")
                    .key(Map.of("key", AttributeValue.fromS("email:alice@example.com"))).consistentRead(true));
            Task puts = i -> dynamo.putItem(b -> b.tableName("hermes-thread-keys")
                    .item(Map.of("key", AttributeValue.fromS("bench:" + i), "threadId", AttributeValue.fromS("aaaaaaaa"))));
            saturate(gets, 0, WARMUP);
            double getRate = saturate(gets, 0, MESSAGES);
            double putRate = saturate(puts, 6_000_000, MESSAGES);
            double[] latency = paced(routed, 5_000_000, routedRate / 2, Math.min(MESSAGES, (int) (routedRate * 10)));
            double[] alone = serial(routed, 7_000_000, SERIAL);

            System.out.printf("%nIntake benchmark: %d clients, %d messages per run, %d cores%n", CONCURRENCY, MESSAGES,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  warm-up: %d routed, %d raw and %d floor rounds of %d until compilation took < %.0f%% of the cores"
                    + " in %d rounds in a row%n", routedRounds, rawRounds, floorRounds, WARMUP, SETTLED_COMPILE_SHARE * 100,
                    SETTLED_ROUNDS);
            System.out.printf("  routed  POST /webhooks/email/mime : %8.1f msg/s%n", routedRate);
            System.out.printf("  raw     SQS SendMessage (FIFO)     : %8.1f msg/s%n", rawRate);
            System.out.printf("  (table  DynamoDB Local GetItem       : %8.1f ops/s, PutItem %.1f ops/s)%n", getRate, putRate);
            System.out.printf("  floor   records + send, no Hermes  : %8.1f msg/s   (%d messages a transaction)%n", floorRate,
                    floor.batch());
            System.out.printf("  ratio   routed / raw               : %8.2f   (target >= 0.30)%n", routedRate / rawRate);
            System.out.printf("  ratio   floor / raw                : %8.2f   (the most any intake keeping DESIGN §4's records could reach)%n",
                    floorRate / rawRate);
            System.out.println(routedCpuLine);
            System.out.println(rawCpuLine);
            System.out.println(floorCpuLine);
            System.out.printf("  ratio of CPU per message, raw / routed : %.2f, raw / floor %.2f   (the rate ratios if every phase used all cores)%n",
                    rawCpu.millisPerMessage / routedCpu.millisPerMessage, rawCpu.millisPerMessage / floorCpu.millisPerMessage);
            System.out.printf("  latency at %.0f msg/s (half of saturated): p50 %.1f ms, p99 %.1f ms   (target p99 < 50 ms)%n",
                    routedRate / 2, latency[0], latency[1]);
            System.out.printf("  one client, one message at a time     : p50 %.1f ms, p99 %.1f ms%n", alone[0], alone[1]);
            Costs.print(routedCosts, MESSAGES);
        }
    }

    /** One call of a measured operation, numbered. */
    interface Task {
        void run(int i) throws Exception;
    }

    /** A JFR profile of the routed phase when {@code -Dbench.jfr=file} names where to write it. */
    private static jdk.jfr.Recording profile() throws Exception {
        String file = System.getProperty("bench.jfr", "");
        if (file.isEmpty()) {
            return null;
        }
        jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    /** With {@code -Dbench.asprof=/path/libasyncProfiler.so}: runs an async-profiler command in this JVM. */
    private static void asprof(String command) throws Exception {
        String lib = System.getProperty("bench.asprof", "");
        if (lib.isEmpty()) {
            return;
        }
        com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(Long.toString(ProcessHandle.current().pid()));
        try {
            vm.loadAgentPath(lib, command);
        } finally {
            vm.detach();
        }
    }

    /**
     * Rounds of {@link #WARMUP} calls until {@link #SETTLED_ROUNDS} rounds in a row each spent less
     * than {@link #SETTLED_COMPILE_SHARE} of the cores compiling. One quiet round is not enough: with
     * one C2 thread on two cores the compile queue of four systems' code drains in bursts.
     */
    private static int warmUp(Task task, int base) throws Exception {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        int cores = Runtime.getRuntime().availableProcessors();
        int quiet = 0;
        for (int round = 1; ; round++) {
            long compiledBefore = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            saturate(task, base + round * WARMUP, WARMUP);
            double wallMillis = (System.nanoTime() - start) / 1e6;
            double share = (jit.getTotalCompilationTime() - compiledBefore) / (wallMillis * cores);
            if (Boolean.getBoolean("bench.threads")) {
                System.out.printf("      warm-up round %d: %.0f calls/s, compilation %.1f%% of the cores%n", round,
                        WARMUP / (wallMillis / 1000), share * 100);
            }
            quiet = share < SETTLED_COMPILE_SHARE ? quiet + 1 : 0;
            if (quiet >= SETTLED_ROUNDS || round >= MAX_WARMUP_ROUNDS) {
                return round;
            }
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Messages/s with {@link #CONCURRENCY} clients sending back to back. */
    private static double saturate(Task task, int base, int count) throws Exception {
        return saturate(task, base, count, CONCURRENCY);
    }

    /** Calls/s with {@code clients} clients calling back to back. */
    static double saturate(Task task, int base, int count, int clients) throws Exception {
        ExecutorService pool = CLIENTS;
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.run(base + i);
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return count / seconds;
    }

    /** p50 and p99 accept latency in ms with requests started at a fixed rate (open loop). */
    private static double[] paced(Task task, int base, double rate, int count) throws Exception {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY * 4);
        long[] latencies = new long[count];
        List<Future<?>> done = new ArrayList<>();
        long periodNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = i;
            long due = start + n * periodNanos;
            done.add(clock.schedule(() -> done(pool.submit(() -> {
                long t0 = System.nanoTime();
                task.run(base + n);
                latencies[n] = System.nanoTime() - t0;
                return null;
            })), Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS));
        }
        for (Future<?> f : done) {
            ((Future<?>) f.get()).get();
        }
        clock.shutdown();
        pool.shutdown();
        Arrays.sort(latencies);
        return new double[]{latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6};
    }

    /** p50 and p99 in ms of one client sending one message after the other. */
    private static double[] serial(Task task, int base, int count) throws Exception {
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            task.run(base + i);
            latencies[i] = System.nanoTime() - t0;
        }
        Arrays.sort(latencies);
        return new double[]{latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6};
    }

    private static Future<?> done(Future<?> f) {
        return f;
    }

    private static byte[] mail(int i) {
        String body = "Benchmark instruction " + i + ": add a line to the changelog.";
        byte[] raw = MimeBuilder.build("alice@example.com", "hermes@hermes.localhost", "Bench " + i, body, null);
        return raw;
    }

    private static HttpResponse<String> post(HttpClient http, URI webhook, String secret, byte[] mail) throws Exception {
        return http.send(HttpRequest.newBuilder(webhook).header("Content-Type", "message/rfc822")
                .header("X-Hermes-Secret", secret).POST(HttpRequest.BodyPublishers.ofByteArray(mail)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 202) {
            throw new IllegalStateException("intake answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void holdWarm(DynamoDbClient dynamo) {
        dynamo.updateItem(b -> b.tableName("hermes-containers")
                .key(Map.of(ContainersTable.CONTAINER_KEY, AttributeValue.fromS("sample#alice")))
                .updateExpression("SET leaseOwner = :o, leaseExpiresAt = :e, #s = :running")
                .expressionAttributeNames(Map.of("#s", ContainersTable.STATUS))
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("bench-" + UUID.randomUUID()),
                        ":e", AttributeValue.fromN(Long.toString(System.currentTimeMillis() + 3_600_000)),
                        ":running", AttributeValue.fromS("RUNNING"))));
    }
}
