package dev.hermes.tests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import dev.hermes.tests.TestFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Cold start with the process launcher: for each of {@code bench.coldstarts} (default 20) new
 * user+project containers, the time from the webhook's {@code 202} (message accepted) to the agent
 * running (the agent's first act is to note the time), one cold start at a time on a quiet machine.
 * The breakdown follows one start through the orchestrator (accept, launch), the worker's JVM, AWS
 * clients and lease (launch to "lease acquired"), the poll that marks the command RUNNING, and the git
 * work (clone, fetch, worktree) before the agent runs. {@code -Dbench.cds=false} measures without the
 * worker's class data archive.
 *
 * <p>Run: {@code ./mvnw -B -q -Pbench-cold -DskipTests -pl tests -am verify} (see BENCHMARKS.md).
 */
public final class ColdStartBenchmark {
    private static final int COLD_STARTS = Integer.getInteger("bench.coldstarts", 20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("hermes-cold-bench");
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        Path seed = root.resolve("seed");
        TestFiles.copyTree(repo.resolve("tests/src/test/resources/bench"), seed);
        boolean cds = !"false".equals(System.getProperty("bench.cds"));
        Map<String, Object> props = Map.of("hermes.intake.per-minute", 100_000, "hermes.intake.burst", 100_000,
                "hermes.launcher.process.class-data-sharing", cds);
        try (LocalHermes hermes = LocalHermes.start(LocalOptions.forTests(root, seed.resolve("seed.yml"),
                repo.resolve("worker/target/hermes-worker.jar"), 2), props)) {
            String token = hermes.property("apiToken");
            List<long[]> runs = new ArrayList<>();
            for (int i = -2; i < COLD_STARTS; i++) { // two unmeasured starts warm the orchestrator's own code paths
                if (i == 0 && cds) {
                    awaitArchive(root.resolve("state/scratch/workspaces/.cds"));
                }
                String user = "cold" + (i + 2);
                post(hermes, token, "/api/routes", "{\"key\":\"email:" + user + "@example.com\",\"userId\":\"" + user
                        + "\",\"projects\":[\"bench\"]}");
                long sent = System.currentTimeMillis();
                JsonNode accepted = mime(hermes, MimeBuilder.build(user + "@example.com", "bench@" + LocalHermes.EMAIL_DOMAIN,
                        "Cold", "Cold start " + i, null));
                long acceptedAt = System.currentTimeMillis();
                String commandId = accepted.get("commandId").asText();
                Path started = seed.resolve("agents/started").resolve(commandId);
                long deadline = System.currentTimeMillis() + 60_000;
                while (!Files.exists(started) && System.currentTimeMillis() < deadline) {
                    Thread.onSpinWait();
                }
                long agentAt = Long.parseLong(Files.readString(started).strip());
                JsonNode command = awaitDone(hermes, token, commandId);
                long launched = 0;
                for (JsonNode c : get(hermes, token, "/api/containers?limit=100").get("containers")) {
                    if (c.get("containerKey").asText().equals("bench#" + user)) {
                        launched = OffsetDateTime.parse(c.get("startingAt").asText()).toInstant().toEpochMilli();
                    }
                }
                long lease = leaseAcquired(hermes.workDir().resolve("workspaces/bench--" + user + "/worker.log"));
                long running = OffsetDateTime.parse(command.get("startedAt").asText()).toInstant().toEpochMilli();
                if (i >= 0) {
                    runs.add(new long[]{agentAt - acceptedAt, acceptedAt - sent, launched - sent, lease - launched,
                            running - lease, agentAt - running, agentAt - sent});
                }
            }
            report(runs);
        }
        TestFiles.deleteTree(root);
        System.exit(0);
    }

    /** When the worker logged "lease acquired" (one of its first JSON lines; epoch milliseconds). */
    private static long leaseAcquired(Path log) throws IOException {
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("{") && line.contains("lease acquired")) {
                return JSON.readTree(line).get("timestamp").asLong();
            }
        }
        throw new IllegalStateException("no lease in " + log);
    }

    private static void awaitArchive(Path dir) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
                if (files.anyMatch(p -> p.toString().endsWith(".jsa"))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        System.out.println("(no class data archive was written: measuring without)");
    }

    private static void report(List<long[]> runs) {
        String[] names = {"accepted (202) -> agent running", "  request -> 202 (intake, launch)", "  request -> launch",
                "  launch -> lease acquired (JVM, SDK, lease)", "  lease -> command RUNNING (poll)",
                "  RUNNING -> agent running (git)", "request -> agent running"};
        System.out.printf("%nCold start benchmark (process launcher, class data sharing %s): %d cold starts, %d cores, load %s%n",
                !"false".equals(System.getProperty("bench.cds")) ? "on" : "off", runs.size(),
                Runtime.getRuntime().availableProcessors(), load());
        System.out.printf("  %-42s %8s %8s %8s%n", "", "p50 ms", "p99 ms", "max ms");
        for (int k = 0; k < names.length; k++) {
            int col = k;
            long[] v = runs.stream().mapToLong(r -> r[col]).sorted().toArray();
            System.out.printf("  %-42s %8d %8d %8d%n", names[k], pct(v, 50), pct(v, 99), v[v.length - 1]);
        }
        System.out.println("  target: p99 of 'accepted -> agent running' < 3000 ms");
    }

    private static long pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String load() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "?";
        }
    }

    private static JsonNode awaitDone(LocalHermes hermes, String token, String commandId) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode c = get(hermes, token, "/api/commands/" + commandId);
            if (List.of("SUCCEEDED", "FAILED", "TIMED_OUT").contains(c.path("status").asText())) {
                return c;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("command " + commandId + " did not finish");
    }

    private static JsonNode mime(LocalHermes hermes, byte[] mail) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(hermes.url() + "/webhooks/email/mime"))
                .header("Content-Type", "message/rfc822").header("X-Hermes-Secret", hermes.property("mimeSecret"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(mail)).build(), 202);
    }

    private static JsonNode get(LocalHermes hermes, String token, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(hermes.url() + path)).header("Authorization", "Bearer " + token)
                .GET().build(), 200);
    }

    private static void post(LocalHermes hermes, String token, String path, String json) throws Exception {
        send(HttpRequest.newBuilder(URI.create(hermes.url() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), 201);
    }

    private static JsonNode send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

}
