package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import dev.hermes.protocol.testing.GitHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Onboarding a project with secrets through the management API, end to end: the project's remote
 * requires a token (git http-backend behind basic auth on 127.0.0.1), the token is given only to the
 * credential store, and a real worker process clones, commits and pushes with it; its agent gets its
 * secret variable. Then unique canary secrets are searched for in every API response of the run, every
 * log line of this JVM and of the worker, every file of the workspaces and every item of every table:
 * none holds one.
 */
class SecretsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "canary-e2e-git-token-" + Long.toHexString(System.nanoTime());
    private static final String API_KEY = "canary-e2e-agent-key-" + Long.toHexString(System.nanoTime() * 31);
    private static final String SLACK = "xoxb-1234-5678-canarye2e" + Long.toHexString(System.nanoTime() * 7);
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    @TempDir
    static Path root;
    private static LocalHermes hermes;
    private static GitHttpServer gitServer;
    private static LogCapture logs;
    private static final List<String> responses = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path bare;

    @BeforeAll
    static void start() throws Exception {
        logs = LogCapture.attach();
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        Path remotes = Files.createDirectories(root.resolve("remotes"));
        bare = remotes.resolve("secure.git");
        git(remotes, "init", "--bare", "--initial-branch=main", bare.toString());
        Path seed = root.resolve("seed");
        git(remotes, "clone", bare.toString(), seed.toString());
        Files.writeString(seed.resolve("README.md"), "# secure\n");
        git(seed, "checkout", "-B", "main");
        git(seed, "add", "README.md");
        git(seed, "commit", "-m", "Initial commit");
        git(seed, "push", "origin", "main");
        gitServer = GitHttpServer.start(remotes, "x-access-token", TOKEN);
        hermes = LocalHermes.start(LocalOptions.forTests(root.resolve("hermes"), repo.resolve("examples/local.yml"),
                repo.resolve("worker/target/hermes-worker.jar"), 3));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hermes != null) {
            hermes.close();
        }
        if (gitServer != null) {
            gitServer.close();
        }
        if (logs != null) {
            logs.close();
        }
    }

    @Test
    void aWorkerPushesWithAStoredTokenAndNoSecretShowsAnywhere() throws Exception {
        Path agent = Path.of(SecretsEndToEndTest.class.getResource("/agents/secret-aware.sh").toURI());
        String project = "{\"projectId\":\"secure\",\"repoUrl\":\"" + gitServer.url("secure.git") + "\",\"defaultBranch\":\"main\","
                + "\"agent\":{\"argv\":[\"/bin/sh\",\"" + agent + "\"],\"timeoutSeconds\":120},"
                + "\"secrets\":{\"git.token\":\"" + TOKEN + "\",\"env.SECRET_API_KEY\":\"" + API_KEY + "\"}}";
        assertEquals(201, api("POST", "/api/projects", project).statusCode());
        assertEquals(201, api("POST", "/api/routes", "{\"key\":\"email:sec@example.com\",\"userId\":\"sec\",\"projects\":[\"secure\"]}")
                .statusCode());
        assertEquals(200, api("PUT", "/api/secrets/reply.slack.botToken", "{\"value\":\"" + SLACK + "\"}").statusCode());
        HttpResponse<String> token = api("POST", "/api/tokens", "{\"name\":\"e2e\",\"role\":\"viewer\"}");
        String viewerToken = JSON.readTree(token.body()).get("token").asText();
        responses.remove(token.body()); // the one response meant to show a secret: the token, once

        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(hermes.url() + "/webhooks/email/mime"))
                .header("Content-Type", "message/rfc822").header("X-Hermes-Secret", hermes.property("mimeSecret"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(MimeBuilder.build("sec@example.com",
                        "secure@" + LocalHermes.EMAIL_DOMAIN, "Secure", "Record this in the secure project.", null))).build(),
                HttpResponse.BodyHandlers.ofString());
        responses.add(accepted.body());
        assertEquals(202, accepted.statusCode(), accepted.body());
        String commandId = JSON.readTree(accepted.body()).get("commandId").asText();
        String threadId = JSON.readTree(accepted.body()).get("threadId").asText();
        JsonNode done = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(300)).until(
                () -> JSON.readTree(api("GET", "/api/commands/" + commandId, null).body()),
                c -> List.of("SUCCEEDED", "FAILED", "TIMED_OUT", "DEAD_LETTERED").contains(c.path("status").asText()));
        assertEquals("SUCCEEDED", done.get("status").asText(), done.toString());

        // The push reached the token-protected remote, with the token, and the agent saw its variable.
        String branch = "thread-" + threadId;
        assertEquals(done.get("commitSha").asText(), git(bare, "rev-parse", "refs/heads/" + branch));
        assertEquals(sha256(API_KEY), git(bare, "show", branch + ":SECRET_SEEN.txt"));
        String basic = "Basic " + Base64.getEncoder().encodeToString(("x-access-token:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertTrue(gitServer.authorizations().contains(basic));
        assertTrue(gitServer.paths().stream().anyMatch(p -> p.contains("git-receive-pack")), gitServer.paths().toString());

        for (String path : List.of("/api/projects/secure", "/api/projects?limit=100", "/api/threads/" + threadId,
                "/api/outbox?limit=100", "/api/tokens?limit=100", "/api/secrets", "/api/routes?limit=100")) {
            assertEquals(200, api("GET", path, null).statusCode(), path);
        }
        api("POST", "/api/secrets/re-encrypt", null);

        List<String> canaries = List.of(TOKEN, API_KEY, SLACK, viewerToken);
        for (String body : responses) {
            assertNoCanary(canaries, "an API response", body);
        }
        for (String line : logs.lines()) {
            assertNoCanary(canaries, "a log line of the orchestrator's JVM", line);
        }
        assertTrue(logs.lines().size() > 10, "the capture saw the run: " + logs.lines().size());
        List<Path> workerLogs = files(hermes.workDir().resolve("workspaces")).stream()
                .filter(p -> p.getFileName().toString().equals("worker.log")).toList();
        assertFalse(workerLogs.isEmpty(), "the worker wrote its log");
        for (Path file : files(hermes.workDir().resolve("workspaces"))) {
            assertNoCanary(canaries, file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
        }
        assertNoCanary(canaries, "a table", dump());
    }

    private static void assertNoCanary(List<String> canaries, String where, String text) {
        for (String canary : canaries) {
            assertFalse(text.contains(canary), where + " holds a secret (canary " + canary.substring(0, 16) + "…)");
        }
    }

    private static HttpResponse<String> api(String method, String path, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hermes.url() + path))
                    .header("Authorization", "Bearer " + hermes.property("apiToken"));
            b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                    : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            responses.add(r.body());
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String dump() {
        DynamoDbClient dynamo = hermes.context().getBean(DynamoDbClient.class);
        StringBuilder all = new StringBuilder();
        for (String table : hermes.context().getBean(TablesConfig.class).names().all()) {
            dynamo.scanPaginator(b -> b.tableName(table)).items().forEach(item -> all.append(item).append('\n'));
        }
        return all.toString();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String git(Path dir, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@localhost",
                "-c", "commit.gpgsign=false"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
        }
        return out;
    }
}
