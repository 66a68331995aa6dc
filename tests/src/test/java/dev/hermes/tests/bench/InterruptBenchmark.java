package dev.hermes.tests.bench;

import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.container.ContainerRecord;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import dev.hermes.protocol.id.ContainerKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Interrupt latency through the whole system: a local Hermes (orchestrator, ElasticMQ, DynamoDB Local,
 * GreenMail in this JVM; the worker as the process the launcher starts) with the slow example agent.
 * Each round waits until an agent is running, posts a newer message (a reply on the running command's
 * thread: SUPERSEDE; a new thread: PREEMPT) and measures from the start of the POST until the running
 * agent is dead and its WIP commit is on the remote branch (the bare repository's ref file is watched).
 *
 * <p>Run: {@code ./mvnw -B -q -Pbench-interrupt -DskipTests -pl tests -am verify} (see BENCHMARKS.md).
 */
public final class InterruptBenchmark {
    private static final int SUPERSEDES = Integer.getInteger("bench.supersedes", 50);
    private static final int PREEMPTS = Integer.getInteger("bench.preempts", 20);
    private static final long ROUND_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);
    private static final ContainerKey KEY = ContainerKey.parse("slow#bench");

    private InterruptBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("hermes.intake.per-minute", "100000000");
        System.setProperty("hermes.intake.burst", "100000000");
        Path root = Files.createTempDirectory("hermes-interrupt-bench");
        Path pids = Files.createDirectories(root.resolve("pids"));
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        Path seed = root.resolve("bench.yml");
        Files.writeString(seed, """
                people:
                  - user: bench
                    email: [bench@example.com]
                    projects: [slow]
                projects:
                  - id: slow
                    agent:
                      argv: [%s]
                      env: {SLOW_AGENT_STEP_SECONDS: "0.05", SLOW_AGENT_STEPS: "1000000", SLOW_AGENT_PID_DIR: "%s"}
                      timeoutSeconds: 3600
                """.formatted(repo.resolve("examples/agents/slow-agent.sh"), pids));
        try (LocalHermes hermes = LocalHermes.start(LocalOptions.forTests(root, seed,
                repo.resolve("worker/target/hermes-worker.jar"), 300))) {
            Bench bench = new Bench(hermes, pids, Path.of(hermes.projects().get(0).repoUrl()));
            bench.post("slow@" + LocalHermes.EMAIL_DOMAIN, "Round 0");
            List<Double> supersede = new ArrayList<>();
            List<Double> preempt = new ArrayList<>();
            String last = null;
            for (int round = 1; round <= SUPERSEDES + PREEMPTS; round++) {
                boolean superseding = round <= SUPERSEDES;
                ContainerRecord running = bench.awaitRunning(last);
                String to = superseding ? "hermes+" + running.runningThread() + "@" + LocalHermes.EMAIL_DOMAIN
                        : "slow@" + LocalHermes.EMAIL_DOMAIN;
                double millis = bench.interrupt(running, to, "Round " + round);
                (superseding ? supersede : preempt).add(millis);
                last = running.runningCommand();
            }
            List<Double> all = new ArrayList<>(supersede);
            all.addAll(preempt);
            print("supersede", supersede);
            print("preempt", preempt);
            print("all", all);
        }
    }

    private static void print(String name, List<Double> values) {
        System.out.printf("interrupt latency (%s), %d interrupts: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", name,
                values.size(), percentile(values, 50), percentile(values, 99), percentile(values, 100));
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The running Hermes, its webhook and what can be watched of the worker. */
    private record Bench(LocalHermes hermes, Path pids, Path bare) {

        void post(String to, String subject) throws Exception {
            byte[] mail = MimeBuilder.build("bench@example.com", to, subject, "steps: 1000000", null);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(hermes.url() + "/webhooks/email/mime"))
                    .header("Content-Type", "message/rfc822").header("X-Hermes-Secret", hermes.property("mimeSecret"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mail)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("webhook answered " + response.statusCode() + ": " + response.body());
            }
        }

        /** A command other than {@code last} runs, and its agent is alive. */
        ContainerRecord awaitRunning(String last) throws Exception {
            long deadline = System.nanoTime() + ROUND_TIMEOUT_NANOS;
            while (System.nanoTime() < deadline) {
                Optional<ContainerRecord> row = hermes.context().getBean(ContainerStore.class).find(KEY);
                if (row.isPresent() && row.get().runningCommand() != null && !row.get().runningCommand().equals(last)
                        && agent(row.get().runningCommand()).map(ProcessHandle::isAlive).orElse(false)
                        && Files.exists(worktree(row.get().runningThread()).resolve("PROGRESS.md"))) {
                    return row.get();
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("no agent started within the round's deadline");
        }

        /** Posts the newer message; answers the milliseconds until the agent is dead and its WIP pushed. */
        double interrupt(ContainerRecord running, String to, String subject) throws Exception {
            ProcessHandle agent = agent(running.runningCommand()).orElseThrow();
            Path ref = bare.resolve("refs/heads/thread-" + running.runningThread());
            String before = Files.exists(ref) ? Files.readString(ref) : "";
            long start = System.nanoTime();
            post(to, subject);
            long deadline = start + ROUND_TIMEOUT_NANOS;
            while (agent.isAlive() || before.equals(Files.exists(ref) ? Files.readString(ref) : "")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("command " + running.runningCommand() + " was not interrupted");
                }
                Thread.onSpinWait();
            }
            return (System.nanoTime() - start) / 1_000_000.0;
        }

        Optional<ProcessHandle> agent(String commandId) throws Exception {
            Path pid = pids.resolve(commandId + ".pid");
            if (!Files.exists(pid) || Files.size(pid) == 0) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
        }

        Path worktree(String threadId) {
            return hermes.workDir().resolve("workspaces").resolve(KEY.containerId()).resolve("sessions").resolve(threadId);
        }
    }
}
