package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does from the README: start Hermes with the packaged jars, send an email with
 * the command-line client, see the thread and the commit. Also: every socket the running instance
 * listens on is bound to 127.0.0.1.
 */
class HermesUpTest {
    @TempDir
    static Path state;
    private static Path repo;
    private static Process hermes;
    private static Path upLog;

    @BeforeAll
    static void up() throws Exception {
        repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        upLog = state.resolve("up.log");
        hermes = new ProcessBuilder(java("up", "--port", "0", "--smtp-port", "0", "--imap-port", "0",
                "--config", repo.resolve("examples/local.yml").toString(),
                "--worker-jar", repo.resolve("worker/target/hermes-worker.jar").toString(),
                "--state-dir", state.toString(), "--idle-timeout", "3"))
                .directory(repo.toFile()).redirectErrorStream(true).redirectOutput(upLog.toFile()).start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                log().contains("Press Ctrl-C") || !hermes.isAlive());
        assertTrue(hermes.isAlive(), "hermes up died:\n" + log());
    }

    @AfterAll
    static void down() throws Exception {
        if (hermes != null) {
            hermes.destroy();
            if (!hermes.waitFor(30, TimeUnit.SECONDS)) {
                hermes.destroyForcibly();
            }
        }
    }

    @Test
    void sendEmailFromTheCommandLineShowsTheThreadAndTheCommit() throws Exception {
        String out = cli("send", "email", "--from", "alice@example.com", "--subject", "Hello",
                "--body", "Add a greeting to the README");
        assertTrue(out.contains("\"status\" : \"SUCCEEDED\""), out);
        Matcher sha = Pattern.compile("\"commitSha\" : \"([0-9a-f]{40})\"").matcher(out);
        assertTrue(sha.find(), out);
        Matcher thread = Pattern.compile("\"threadId\":\"([a-z2-7]{8})\"").matcher(out);
        assertTrue(thread.find(), out);

        String shown = cli("thread", thread.group(1));
        assertTrue(shown.contains("\"branch\" : \"thread-" + thread.group(1) + "\""), shown);
        assertTrue(shown.contains(sha.group(1)), shown);
        assertTrue(log().contains("Everything listens on 127.0.0.1 only"), log());
    }

    @Test
    void sendSmsAndChatFromTheCommandLineAreSignedAndJoinTheMentionedThread() throws Exception {
        String sms = cli("send", "sms", "--from", "+15550100001", "--body", "#new Add a NOTES file");
        assertTrue(sms.contains("\"status\" : \"SUCCEEDED\""), sms);
        Matcher thread = Pattern.compile("on thread ([a-z2-7]{8})").matcher(sms);
        assertTrue(thread.find(), sms);
        String chat = cli("send", "chat", "--user", "alice", "--text", "#" + thread.group(1) + " and a TODO file");
        assertTrue(chat.contains("\"status\" : \"SUCCEEDED\""), chat);
        assertTrue(chat.contains("\"threadId\" : \"" + thread.group(1) + "\""), chat);
    }

    @Test
    void tokensAndSecretsAreManagedFromTheCommandLine() throws Exception {
        String created = cli("token", "create", "--role", "operator", "--name", "ci-pipeline");
        Matcher token = Pattern.compile("(hrm_[A-Za-z0-9_-]{40,})").matcher(created);
        assertTrue(token.find(), created);
        Matcher id = Pattern.compile("token ([0-9a-f]{16}) \\(ci-pipeline, operator\\)").matcher(created);
        assertTrue(id.find(), created);
        String listed = cli("token", "list");
        assertTrue(listed.contains(id.group(1)) && listed.contains("ci-pipeline"), listed);
        assertFalse(listed.contains(token.group(1)), "a token is shown once");

        String secret = "xoxb-1234-5678-" + Long.toHexString(System.nanoTime());
        String set = cliWithInput(secret + "\n", "secrets", "set", "reply.slack.botToken");
        assertTrue(set.contains("set reply.slack.botToken"), set);
        String secrets = cli("secrets", "list");
        assertTrue(secrets.lines().anyMatch(l -> l.startsWith("reply.slack.botToken") && l.contains(" set ")), secrets);
        assertFalse(secrets.contains(secret));
        assertTrue(cli("secrets", "rotate-key").contains("file:k2"));
        assertTrue(cli("secrets", "re-encrypt").contains("1 rewritten"));
        assertTrue(cli("token", "revoke", id.group(1)).contains("revoked"));
        assertTrue(cli("token", "list").lines().anyMatch(l -> l.startsWith(id.group(1)) && l.contains("revoked")));
    }

    @Test
    void everyListeningSocketIsOnLoopback() throws Exception {
        List<String> listeners = LoopbackCheck.listeningAddresses(hermes.pid());
        assertTrue(listeners.size() >= 5, "expected HTTP, SQS, DynamoDB, SMTP and IMAP listeners: " + listeners);
        for (String address : listeners) {
            assertTrue(LoopbackCheck.isLoopback(address), "listens off loopback: " + address + " in " + listeners);
        }
    }

    private static String cli(String... args) throws IOException, InterruptedException {
        return cliWithInput("", args);
    }

    /** Runs the client with {@code stdin} on its standard input. */
    private static String cliWithInput(String stdin, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(javaBinary(), "-Dhermes.instance=" + state.resolve("instance.properties"),
                "-jar", repo.resolve("orchestrator/target/hermes-orchestrator.jar").toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(repo.toFile()).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "cli timed out: " + out);
        assertEquals(0, p.exitValue(), "cli " + String.join(" ", args) + " failed:\n" + out + "\nhermes log:\n" + log());
        assertFalse(out.isBlank());
        return out;
    }

    private static List<String> java(String... args) {
        List<String> argv = new ArrayList<>(List.of(javaBinary(), "-jar",
                repo.resolve("orchestrator/target/hermes-orchestrator.jar").toString()));
        argv.addAll(List.of(args));
        return argv;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String log() {
        try {
            return Files.exists(upLog) ? Files.readString(upLog) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
