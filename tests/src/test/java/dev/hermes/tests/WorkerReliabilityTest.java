package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.container.ContainerRecord;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.state.ContainerStatus;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Interrupts, a worker killed mid-command, and a command that always fails, end to end through the
 * real orchestrator: worker processes it launches, ElasticMQ, DynamoDB Local, GreenMail and git. The
 * orchestrator itself sends the interrupts; the sender gets exactly one reply per command.
 */
class WorkerReliabilityTest {
    private static final String ALICE = "alice@example.com";
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    @TempDir
    static Path root;
    private static LocalHermes hermes;
    private static HermesClient client;
    private static Mailbox mailbox;

    @BeforeAll
    static void start() throws Exception {
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        Path agents = repo.resolve("examples/agents");
        Path seed = root.resolve("faults.yml");
        Files.writeString(seed, """
                people:
                  - user: alice
                    email: [alice@example.com]
                    projects: [slow, poison]
                projects:
                  - id: slow
                    agent:
                      argv: [%s]
                      env: {SLOW_AGENT_STEP_SECONDS: "0.2"}
                      timeoutSeconds: 120
                  - id: poison
                    agent:
                      argv: [%s]
                      timeoutSeconds: 60
                """.formatted(agents.resolve("slow-agent.sh"), agents.resolve("failing-agent.sh")));
        FastRetries.set();
        hermes = LocalHermes.start(LocalOptions.forTests(root, seed, repo.resolve("worker/target/hermes-worker.jar"), 3));
        client = new HermesClient(hermes.url(), hermes.property("mimeSecret"), hermes.property("apiToken"));
        mailbox = new Mailbox(hermes.imapPort());
    }

    @AfterAll
    static void stop() throws Exception {
        FastRetries.clear();
        if (hermes != null) {
            hermes.close();
        }
    }

    @Test
    void aReplyWhileItsThreadsCommandRunsSupersedesIt() throws Exception {
        byte[] mail = MimeBuilder.build(ALICE, "slow@" + LocalHermes.EMAIL_DOMAIN, "Long job", "steps: 1000", null);
        String messageId = Mailbox.header(Mailbox.parse(mail), "Message-ID");
        HermesClient.Response first = client.postMime(mail);
        String threadId = first.body().get("threadId").asText();
        String firstId = first.body().get("commandId").asText();
        awaitStep(threadId, firstId, 1);

        byte[] newer = MimeBuilder.build(ALICE, "hermes+" + threadId + "@" + LocalHermes.EMAIL_DOMAIN, "Re: Long job",
                "steps: 2", null);
        HermesClient.Response second = client.postMime(newer);
        assertEquals(threadId, second.body().get("threadId").asText());
        JsonNode superseded = awaitEnded(firstId);
        assertEquals("SUPERSEDED", superseded.get("status").asText(), superseded.toString());
        assertEquals("SUCCEEDED", awaitEnded(second.body().get("commandId").asText()).get("status").asText());

        GitRemote remote = new GitRemote(Path.of(hermes.projects().get(0).repoUrl()));
        List<String> commits = remote.commitsOnly("thread-" + threadId, "main");
        assertEquals(2, commits.size(), "the WIP commit, then the newer command's");
        assertEquals(superseded.get("commitSha").asText(), commits.get(1));
        MimeMessage reply = await().atMost(DEADLINE).until(() -> repliesTo(messageId), r -> r.size() == 1).get(0);
        assertTrue(EmailToCommitTest.textOf(reply).contains("Stopped in favour of your newer message"));
    }

    @Test
    void anotherThreadPreemptsTheRunningCommandWhichResumesAfterIt() throws Exception {
        HermesClient.Response a = client.postMime(MimeBuilder.build(ALICE, "slow@" + LocalHermes.EMAIL_DOMAIN,
                "Thread A", "steps: 15", null));
        String threadA = a.body().get("threadId").asText();
        String aId = a.body().get("commandId").asText();
        awaitStep(threadA, aId, 1);

        HermesClient.Response b = client.postMime(MimeBuilder.build(ALICE, "slow@" + LocalHermes.EMAIL_DOMAIN,
                "Thread B", "steps: 2", null));
        String bId = b.body().get("commandId").asText();
        JsonNode bDone = awaitEnded(bId);
        assertEquals("SUCCEEDED", bDone.get("status").asText());
        JsonNode aDone = awaitEnded(aId);
        assertEquals("SUCCEEDED", aDone.get("status").asText(), aDone.toString());
        assertEquals(2, aDone.get("attempts").asInt(), () -> "preempted once, then resumed; worker log:\n" + workerLog());
        assertTrue(instant(aDone.get("finishedAt")).isAfter(instant(bDone.get("finishedAt"))), "A ends after B");
        GitRemote remote = new GitRemote(Path.of(hermes.projects().get(0).repoUrl()));
        List<String> aCommits = remote.commitsOnly("thread-" + threadA, "main");
        assertEquals(2, aCommits.size(), "WIP then final on A's branch");
        assertTrue(remote.show("thread-" + b.body().get("threadId").asText(), "PROGRESS.md").contains(bId));
        assertFalse(remote.show("thread-" + b.body().get("threadId").asText(), "PROGRESS.md").contains(aId));
    }

    @Test
    void aWorkerKilledMidCommandIsReplacedAndTheCommandSucceedsWithOneReply() throws Exception {
        ContainerKey key = ContainerKey.parse("slow#alice");
        byte[] mail = MimeBuilder.build(ALICE, "slow@" + LocalHermes.EMAIL_DOMAIN, "Crash test", "steps: 40", null);
        String messageId = Mailbox.header(Mailbox.parse(mail), "Message-ID");
        HermesClient.Response accepted = client.postMime(mail);
        assertEquals(202, accepted.status(), accepted.body().toString());
        String commandId = accepted.body().get("commandId").asText();
        String threadId = accepted.body().get("threadId").asText();
        awaitStep(threadId, commandId, 2);

        ContainerRecord running = containers().find(key).orElseThrow();
        // The process launcher's handle is pid:{pid}@{start time}.
        String handle = running.launcherHandle();
        long pid = Long.parseLong(handle.substring("pid:".length(), handle.indexOf('@')));
        ProcessHandle worker = ProcessHandle.of(pid).orElseThrow();
        worker.destroyForcibly();   // SIGKILL: no clean-up of any kind
        await().atMost(DEADLINE).until(() -> !worker.isAlive());
        await().atMost(DEADLINE).until(() -> containers().find(key).orElseThrow().leaseExpiresAt() < System.currentTimeMillis());

        // The next message starts a new worker (no live lease); it finds the first command again.
        byte[] next = MimeBuilder.build(ALICE, "slow@" + LocalHermes.EMAIL_DOMAIN, "After the crash", "steps: 1", null);
        String nextId = client.postMime(next).body().get("commandId").asText();
        JsonNode first = awaitDone(commandId);
        assertEquals("SUCCEEDED", first.get("status").asText(), first.toString());
        assertEquals(2, first.get("attempts").asInt(), "run again by the new worker");
        assertEquals("SUCCEEDED", awaitDone(nextId).get("status").asText());

        awaitColdAndDrained(key);
        List<MimeMessage> replies = repliesTo(messageId);
        assertEquals(1, replies.size(), "exactly one reply");
        assertTrue(EmailToCommitTest.textOf(replies.get(0)).contains("Status: SUCCEEDED"));
        String branchFile = new GitRemote(Path.of(hermes.projects().get(0).repoUrl())).show("thread-" + threadId, "PROGRESS.md")
                .strip() + "\n";
        for (int step = 1; step <= 40; step++) {
            String line = "- " + commandId + " step " + step + "\n";
            assertTrue(branchFile.contains(line), "step " + step + " in:\n" + branchFile);
            assertEquals(branchFile.indexOf(line), branchFile.lastIndexOf(line), "step " + step + " once");
        }
    }

    @Test
    void aCommandThatAlwaysFailsIsDeadLetteredAfterThreeAttemptsWithOneReply() throws Exception {
        ContainerKey key = ContainerKey.parse("poison#alice");
        byte[] mail = MimeBuilder.build(ALICE, "poison@" + LocalHermes.EMAIL_DOMAIN, "Impossible", "Do the impossible.", null);
        String messageId = Mailbox.header(Mailbox.parse(mail), "Message-ID");
        HermesClient.Response accepted = client.postMime(mail);
        assertEquals(202, accepted.status(), accepted.body().toString());
        String commandId = accepted.body().get("commandId").asText();

        JsonNode dead = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(
                () -> client.command(commandId), c -> "DEAD_LETTERED".equals(c.path("status").asText())
                        && c.hasNonNull("replyId"));
        assertEquals(3, dead.get("attempts").asInt());
        assertEquals("d-" + commandId, dead.get("replyId").asText());

        awaitColdAndDrained(key);
        List<MimeMessage> replies = repliesTo(messageId);
        assertEquals(1, replies.size(), "one reply, not three");
        String text = EmailToCommitTest.textOf(replies.get(0));
        assertTrue(text.contains("could not be processed"), text);
        assertTrue(text.contains("this agent always fails (attempt 3)"), text);
        SqsClient sqs = hermes.context().getBean(SqsClient.class);
        String dlq = containers().find(key).orElseThrow().queues().dlq();
        Map<QueueAttributeName, String> depth = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        assertEquals("0", depth.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES), "deleted once the reply was sent");
        assertEquals("0", depth.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        assertEquals(1.0, hermes.context().getBean(MeterRegistry.class)
                .counter("hermes.commands.dead_lettered", "channel", "email").count());
    }

    private static void awaitStep(String threadId, String commandId, int step) {
        Path progress = hermes.workDir().resolve("workspaces").resolve(ContainerKey.parse("slow#alice").containerId())
                .resolve("sessions").resolve(threadId).resolve("PROGRESS.md");
        await().atMost(DEADLINE).until(() -> Files.exists(progress)
                && Files.readString(progress).contains(commandId + " step " + step + "\n"));
    }

    private static JsonNode awaitEnded(String commandId) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(
                () -> client.command(commandId),
                c -> List.of("SUCCEEDED", "FAILED", "TIMED_OUT", "SUPERSEDED", "INTERRUPTED")
                        .contains(c.path("status").asText()) && c.hasNonNull("replyId"));
    }

    private static String workerLog() {
        try {
            return Files.readString(hermes.workDir().resolve("workspaces").resolve("slow--alice").resolve("worker.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static Instant instant(JsonNode node) {
        return node.isNumber() ? Instant.ofEpochMilli(node.asLong()) : Instant.parse(node.asText());
    }

    private static ContainerStore containers() {
        return hermes.context().getBean(ContainerStore.class);
    }

    /** The worker left (COLD) and the orchestrator stopped watching: nothing more can arrive. */
    private static void awaitColdAndDrained(ContainerKey key) {
        await().atMost(DEADLINE).until(() -> containers().find(key).orElseThrow().status() == ContainerStatus.COLD
                && !hermes.context().getBean(dev.hermes.orchestrator.result.OutputConsumer.class).isWatching(key)
                && !hermes.context().getBean(dev.hermes.orchestrator.deadletter.DeadLetterWatcher.class).isWatching(key));
    }

    /**
     * The replies that answer the message: its result or notice. The cold-start acknowledgement
     * ("starting your workspace…", Message-ID {@code <a-…>}) is a courtesy before the work, not counted.
     */
    private static List<MimeMessage> repliesTo(String messageId) {
        return mailbox.inbox(ALICE).stream().map(Mailbox::parse)
                .filter(m -> messageId.equals(Mailbox.header(m, "In-Reply-To")))
                .filter(m -> !Mailbox.header(m, "Message-ID").startsWith("<a-")).toList();
    }

    private static JsonNode awaitDone(String commandId) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(
                () -> client.command(commandId),
                c -> List.of("SUCCEEDED", "FAILED", "TIMED_OUT").contains(c.path("status").asText())
                        && c.hasNonNull("replyId"));
    }
}
