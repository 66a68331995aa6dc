package dev.hermes.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.inbound.email.MimeWebhookController;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code ./hermes demo}: a scripted tour of a running local Hermes, as alice of {@code examples/local.yml}.
 * Two threads by email; a reply to Hermes's answer on the first (by its Message-ID, as a mail client
 * replies); an SMS that joins the first thread by its {@code #threadId}; then an interrupt: a long
 * command on the {@code slow} project, superseded by a reply sent while it runs. It prints what each
 * step became and, at the end, the branches and commits in the projects' git remotes.
 */
final class HermesDemo {
    private static final Set<String> ENDED = Set.of("SUCCEEDED", "FAILED", "TIMED_OUT", "SUPERSEDED", "INTERRUPTED",
            "DEAD_LETTERED");
    private static final Duration STEP_LIMIT = Duration.ofMinutes(3);
    private static final String ALICE = "alice@example.com";
    private static final String ALICE_PHONE = "+15550100001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Properties instance;
    private final HttpClient http;
    private final PrintStream out;
    private final String domain;
    /** Project → the threads the tour wrote to. */
    private final Map<String, List<String>> threads = new LinkedHashMap<>();

    HermesDemo(Properties instance, HttpClient http, PrintStream out) {
        this.instance = instance;
        this.http = http;
        this.out = out;
        this.domain = instance.getProperty("emailDomain");
    }

    int run() throws IOException, InterruptedException {
        out.println("Hermes demo against " + instance.getProperty("url") + " (as " + ALICE + ")\n");
        JsonNode greeting = email("1. A first thread by email", "sample", "Greeting", "Add a greeting.", null);
        JsonNode readme = email("2. A second thread by email", "sample", "README", "Write a README.", null);
        // Hermes's answer to a command has the Message-ID <r-{commandId}@{domain}>: reply to it.
        email("3. A reply to Hermes's answer on the first thread", "sample", "Re: Greeting",
                "Now add a farewell.", "<r-" + greeting.get("commandId").asText() + "@" + domain + ">");
        sms("4. An SMS that joins the first thread by its id",
                "#" + greeting.get("threadId").asText() + " And greet in French too.");

        out.println("5. An interrupt: a long command, and a reply to it while it runs");
        JsonNode slow = accept("slow", "slow", "Long job", "steps: 300", null);
        String slowId = slow.get("commandId").asText();
        awaitCommand(slowId, c -> !List.of("RECEIVED", "QUEUED").contains(c.path("status").asText()));
        // Nothing has been answered yet: the reply goes to the thread's plus-address.
        JsonNode newer = accept("slow", "slow+" + slow.get("threadId").asText(), "Re: Long job", "steps: 3", null);
        JsonNode superseded = awaitCommand(slowId, this::ended);
        JsonNode finished = awaitCommand(newer.get("commandId").asText(), this::ended);
        out.printf("   %s -> %s (its work so far kept as %s)%n", slowId, superseded.path("status").asText(),
                shortSha(superseded));
        out.printf("   %s -> %s on the same thread %s%n%n", newer.get("commandId").asText(),
                finished.path("status").asText(), finished.path("threadId").asText());

        printBranches();
        boolean ok = "SUPERSEDED".equals(superseded.path("status").asText())
                && "SUCCEEDED".equals(finished.path("status").asText()) && !readme.isMissingNode();
        return ok ? 0 : 1;
    }

    private JsonNode email(String title, String project, String subject, String body, String inReplyTo)
            throws IOException, InterruptedException {
        out.println(title);
        JsonNode accepted = accept(project, project, subject, body, inReplyTo);
        return report(accepted.get("commandId").asText());
    }

    /** Posts an email from alice to {@code {local}@domain} (a project's address); answers the 202 body. */
    private JsonNode accept(String project, String local, String subject, String body, String inReplyTo)
            throws IOException, InterruptedException {
        byte[] mime = MimeBuilder.build(ALICE, local + "@" + domain, subject, body, inReplyTo);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance.getProperty("url")
                        + "/webhooks/email/mime"))
                .header("Content-Type", "message/rfc822")
                .header(MimeWebhookController.SECRET_HEADER, instance.getProperty("mimeSecret"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(mime)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the email webhook answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode accepted = JSON.readTree(response.body());
        remember(project, accepted.get("threadId").asText());
        return accepted;
    }

    private void sms(String title, String text) throws IOException, InterruptedException {
        out.println(title);
        ChannelRequests.Signed signed = ChannelRequests.sms(instance, ALICE_PHONE, text);
        HttpResponse<String> response = http.send(signed.request(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the SMS webhook answered " + response.statusCode() + ": " + response.body());
        }
        report(signed.commandId().value());
    }

    private JsonNode report(String commandId) throws IOException, InterruptedException {
        JsonNode done = awaitCommand(commandId, this::ended);
        out.printf("   command %s on thread %s via %s: %s, branch %s, commit %s%n%n", commandId,
                done.path("threadId").asText(), done.path("signal").asText(), done.path("status").asText(),
                done.path("branch").asText(), shortSha(done));
        return done;
    }

    private boolean ended(JsonNode command) {
        return ENDED.contains(command.path("status").asText());
    }

    /** Polls the command until {@code condition} holds (a client polling a remote status). */
    private JsonNode awaitCommand(String commandId, Predicate<JsonNode> condition) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STEP_LIMIT);
        long pause = 100;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance.getProperty("url")
                            + "/api/commands/" + commandId))
                    .header("Authorization", "Bearer " + instance.getProperty("apiToken")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode command = JSON.readTree(response.body());
                if (condition.test(command)) {
                    return command;
                }
            }
            Thread.sleep(pause);
            pause = Math.min(1000, pause * 2);
        }
        throw new IllegalStateException("command " + commandId + " did not get there within " + STEP_LIMIT.toSeconds() + " s");
    }

    private void remember(String project, String threadId) {
        List<String> list = threads.computeIfAbsent(project, p -> new ArrayList<>());
        if (!list.contains(threadId)) {
            list.add(threadId);
        }
    }

    /** {@code git log} of each thread branch in the project's remote, oldest commit first. */
    private void printBranches() throws IOException, InterruptedException {
        out.println("Branches and commits:");
        Path remotes = Path.of(instance.getProperty("dataDir")).resolve("remotes");
        for (Map.Entry<String, List<String>> project : threads.entrySet()) {
            Path remote = remotes.resolve(project.getKey() + ".git");
            for (String threadId : project.getValue()) {
                String branch = "thread-" + threadId;
                out.println("  " + project.getKey() + " " + branch);
                for (String line : git(remote, "log", "--reverse", "--format=%h %s", "main.." + branch)) {
                    out.println("    " + line);
                }
            }
        }
    }

    private static List<String> git(Path gitDir, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git", "--git-dir", gitDir.toString()));
        argv.addAll(List.of(args));
        Process git = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return git.waitFor() == 0 ? output.lines().toList() : List.of("(no such branch in " + gitDir + ")");
    }

    private static String shortSha(JsonNode command) {
        String sha = command.path("commitSha").asText("");
        return sha.isEmpty() || "null".equals(sha) ? "none" : sha.substring(0, Math.min(7, sha.length()));
    }
}
