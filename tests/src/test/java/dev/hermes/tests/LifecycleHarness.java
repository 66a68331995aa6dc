package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import dev.hermes.tests.ecs.EcsStandIn;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A local Hermes for the lifecycle scenarios, with the process launcher or the ECS launcher against
 * the ECS stand-in. The seed (projects {@code sample} and {@code slow}) and its agents are copied into
 * the test's folder, so the slow agent's {@code started/} and {@code released/} files live there.
 */
final class LifecycleHarness implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final List<String> DONE = List.of("SUCCEEDED", "FAILED", "TIMED_OUT");
    final LocalHermes hermes;
    final HermesClient client;
    final EcsStandIn ecs;
    final Path agents;
    private final Path workerJar;

    enum Launcher { PROCESS, ECS }

    private final Path root;

    private LifecycleHarness(Path root, LocalHermes hermes, EcsStandIn ecs, Path agents, Path workerJar) {
        this.root = root;
        this.hermes = hermes;
        this.client = new HermesClient(hermes.url(), hermes.property("mimeSecret"), hermes.property("apiToken"));
        this.ecs = ecs;
        this.agents = agents;
        this.workerJar = workerJar;
    }

    /** Starts a Hermes in a fresh temporary folder (deleted by {@link #close()}). */
    static LifecycleHarness start(Launcher launcher, Map<String, Object> properties) throws Exception {
        return start(launcher, properties, 3);
    }

    static LifecycleHarness start(Launcher launcher, Map<String, Object> properties, int idleSeconds) throws Exception {
        Path root = Files.createTempDirectory("hermes-lifecycle");
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        Path workerJar = repo.resolve("worker/target/hermes-worker.jar");
        Path seedDir = root.resolve("seed");
        TestFiles.copyTree(repo.resolve("tests/src/test/resources/lifecycle"), seedDir);
        Map<String, Object> props = new HashMap<>(properties);
        props.putIfAbsent("hermes.reaper.interval", "1s");
        props.putIfAbsent("hermes.reaper.restart-backoff", "1s");
        props.put("hermes.intake.per-minute", 10_000);
        props.put("hermes.intake.burst", 10_000);
        EcsStandIn ecs = null;
        if (launcher == Launcher.ECS) {
            ecs = EcsStandIn.start(root.resolve("ecs"), "hermes",
                    new EcsStandIn.TaskDefinition("hermes-worker", "worker", workerJar));
            props.putAll(ecs.launcherProperties());
            props.put("hermes.launcher.ecs.idle-timeout-seconds", idleSeconds);
            props.put("hermes.launcher.ecs.lease-seconds", 5);
        }
        try {
            LocalHermes hermes = LocalHermes.start(LocalOptions.forTests(root, seedDir.resolve("seed.yml"), workerJar, idleSeconds),
                    props);
            return new LifecycleHarness(root, hermes, ecs, seedDir.resolve("agents"), workerJar);
        } catch (Exception e) {
            if (ecs != null) {
                ecs.close();
            }
            throw e;
        }
    }

    /** Routes {@code user@example.com} to the user, allowed in {@code projects}. */
    void addUser(String user, String... projects) {
        String list = Stream.of(projects).map(p -> "\"" + p + "\"").collect(Collectors.joining(","));
        HermesClient.Response r = client.post("/api/routes",
                "{\"key\":\"email:" + user + "@example.com\",\"userId\":\"" + user + "\",\"projects\":[" + list + "]}");
        assertEquals(201, r.status(), r.body().toString());
    }

    /** A new-thread email from {@code user} to {@code project}; answers the 202 body (threadId, commandId). */
    JsonNode send(String user, String project, String text) {
        return accepted(MimeBuilder.build(user + "@example.com", project + "@" + LocalHermes.EMAIL_DOMAIN, "Task", text, null));
    }

    /** An email to the thread's plus-address, as replying to Hermes does. */
    JsonNode sendToThread(String user, String threadId, String text) {
        return accepted(MimeBuilder.build(user + "@example.com", "hermes+" + threadId + "@" + LocalHermes.EMAIL_DOMAIN,
                "Re: Task", text, null));
    }

    private JsonNode accepted(byte[] mail) {
        HermesClient.Response r = client.postMime(mail);
        assertEquals(202, r.status(), r.body().toString());
        return r.body();
    }

    JsonNode awaitDone(String commandId) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> client.command(commandId),
                c -> DONE.contains(c.path("status").asText()));
    }

    /** The container as {@code GET /api/containers} shows it. */
    JsonNode container(String containerKey) {
        String cursor = null;
        do {
            JsonNode page = client.get("/api/containers?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).body();
            for (JsonNode c : page.get("containers")) {
                if (c.get("containerKey").asText().equals(containerKey)) {
                    return c;
                }
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return null;
    }

    /** Workers started so far, as the launcher counted them. */
    double launches() {
        MeterRegistry meters = hermes.context().getBean(MeterRegistry.class);
        return meters.find("hermes.containers.launched").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Pids of the live worker processes of a container (read from their environment in /proc). */
    Set<Long> workers(String containerKey) {
        String jar = workerJar.toString();
        // Workers are children of this JVM (the orchestrator and the ECS stand-in run here); their own forks are not workers.
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(jar)).orElse(false))
                .filter(p -> containerKey.equals(environment(p.pid()).get("HERMES_CONTAINER_KEY")))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static Map<String, String> environment(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), StandardCharsets.UTF_8);
            Map<String, String> env = new HashMap<>();
            for (String pair : raw.split("\0")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    env.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return env;
        } catch (IOException e) {
            return Map.of(); // it exited meanwhile
        }
    }

    /** Lets the slow agent of {@code commandId} finish. */
    void release(String commandId) throws IOException {
        Files.createDirectories(agents.resolve("released"));
        Files.writeString(agents.resolve("released").resolve(commandId), "go");
    }

    boolean agentStarted(String commandId) {
        return Files.exists(agents.resolve("started").resolve(commandId));
    }

    <T> T bean(Class<T> type) {
        return hermes.context().getBean(type);
    }

    GitRemote remote(String project) {
        return new GitRemote(hermes.workDir().resolve("remotes").resolve(project + ".git"));
    }

    @Override
    public void close() throws Exception {
        try {
            hermes.close();
        } finally {
            if (ecs != null) {
                ecs.close();
            }
            if (Boolean.getBoolean("hermes.keep-test-files")) {
                return;
            }
            TestFiles.deleteTree(root);
        }
    }
}
