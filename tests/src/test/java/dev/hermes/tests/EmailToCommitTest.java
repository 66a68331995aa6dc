package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton, end to end: an email becomes a commit on {@code thread-{id}} in the bare
 * remote and a threaded reply in the sender's mailbox; replies continue the thread; duplicates do
 * nothing. Real orchestrator, real worker processes, ElasticMQ, DynamoDB Local, GreenMail, git.
 */
class EmailToCommitTest {
    private static final String ALICE = "alice@example.com";
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    @TempDir
    static Path root;
    private static LocalHermes hermes;
    private static HermesClient client;
    private static Mailbox mailbox;
    private static GitRemote remote;

    @BeforeAll
    static void start() throws Exception {
        Path repo = Path.of(System.getProperty("hermes.root", "..")).toAbsolutePath().normalize();
        hermes = LocalHermes.start(LocalOptions.forTests(root, repo.resolve("examples/local.yml"),
                repo.resolve("worker/target/hermes-worker.jar"), 3));
        client = new HermesClient(hermes.url(), hermes.property("mimeSecret"), hermes.property("apiToken"));
        mailbox = new Mailbox(hermes.imapPort());
        remote = new GitRemote(Path.of(hermes.projects().get(0).repoUrl()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hermes != null) {
            hermes.close();
        }
    }

    @Test
    void anEmailBecomesACommitOnItsThreadBranchAndAThreadedReply() throws Exception {
        byte[] mail = MimeBuilder.build(ALICE, "hermes@" + LocalHermes.EMAIL_DOMAIN, "Greeting",
                "Please add a friendly greeting to the README.", null);
        String messageId = Mailbox.header(Mailbox.parse(mail), "Message-ID");

        HermesClient.Response accepted = client.postMime(mail);
        assertEquals(202, accepted.status(), accepted.body().toString());
        String threadId = accepted.body().get("threadId").asText();
        JsonNode done = awaitDone(accepted.body().get("commandId").asText());

        assertEquals("SUCCEEDED", done.get("status").asText(), done.toString());
        String branch = "thread-" + threadId;
        assertEquals(branch, done.get("branch").asText());
        List<String> commits = remote.commitsOnly(branch, "main");
        assertEquals(1, commits.size(), "one commit on " + branch);
        assertEquals(commits.get(0), done.get("commitSha").asText());
        assertTrue(remote.show(branch, "INSTRUCTIONS.md").contains("Please add a friendly greeting to the README."));

        MimeMessage reply = awaitReplyTo(messageId);
        assertEquals(messageId, Mailbox.header(reply, "In-Reply-To"));
        assertTrue(Mailbox.header(reply, "References").contains(messageId));
        assertEquals("hermes+" + threadId + "@" + LocalHermes.EMAIL_DOMAIN,
                ((InternetAddress) reply.getReplyTo()[0]).getAddress());
        assertTrue(reply.getSubject().startsWith("Re: Greeting"), reply.getSubject());
        String text = textOf(reply);
        assertTrue(text.contains("[hermes:" + threadId + "]"), text);
        assertTrue(text.contains(done.get("commitSha").asText()), text);
        assertTrue(reply.isMimeType("multipart/alternative"), reply.getContentType());
        String html = partOf(reply, "text/html");
        assertTrue(html.contains("[hermes:" + threadId + "]"), html);
        assertTrue(html.contains(done.get("commitSha").asText()), html);
        assertEquals("<r-" + done.get("commandId").asText() + "@" + LocalHermes.EMAIL_DOMAIN + ">",
                Mailbox.header(reply, "Message-ID"));
    }

    @Test
    void aReplyToHermesContinuesTheThreadAndANewEmailStartsAnother() throws Exception {
        byte[] first = MimeBuilder.build(ALICE, "hermes@" + LocalHermes.EMAIL_DOMAIN, "Docs", "Write a usage section.", null);
        String firstId = Mailbox.header(Mailbox.parse(first), "Message-ID");
        HermesClient.Response one = client.postMime(first);
        String threadId = one.body().get("threadId").asText();
        awaitDone(one.body().get("commandId").asText());
        MimeMessage hermesReply = awaitReplyTo(firstId);

        // What a mail client sends when Alice presses "Reply": headers, Re: subject, quoted history.
        byte[] answer = replyAsAMailClientWould(hermesReply, "Also mention the licence.");
        HermesClient.Response two = client.postMime(answer);
        assertEquals(202, two.status(), two.body().toString());
        assertEquals(threadId, two.body().get("threadId").asText());
        JsonNode second = awaitDone(two.body().get("commandId").asText());
        assertEquals("SUCCEEDED", second.get("status").asText(), second.toString());

        String branch = "thread-" + threadId;
        assertEquals(2, remote.commitsOnly(branch, "main").size(), "second commit on the same branch");
        String instructions = remote.show(branch, "INSTRUCTIONS.md");
        assertTrue(instructions.contains("Also mention the licence."));
        assertFalse(instructions.contains("> "), "quoted history is not part of the instruction:\n" + instructions);
        assertEquals(2, client.thread(threadId).get("commands").size());

        byte[] fresh = MimeBuilder.build(ALICE, "hermes@" + LocalHermes.EMAIL_DOMAIN, "Docs", "Unrelated: add a changelog.", null);
        HermesClient.Response three = client.postMime(fresh);
        String otherThread = three.body().get("threadId").asText();
        assertNotEquals(threadId, otherThread);
        awaitDone(three.body().get("commandId").asText());
        assertTrue(remote.hasBranch("thread-" + otherThread));
        assertEquals(1, remote.commitsOnly("thread-" + otherThread, "main").size());
    }

    @Test
    void theSameMessagePostedTwiceIsOneCommandAndOneCommit() {
        byte[] mail = MimeBuilder.build(ALICE, "hermes@" + LocalHermes.EMAIL_DOMAIN, "Twice", "Add a FAQ entry.", null);
        HermesClient.Response first = client.postMime(mail);
        HermesClient.Response again = client.postMime(mail);
        assertEquals(202, first.status());
        assertEquals(200, again.status());
        assertEquals("duplicate", again.body().get("status").asText());
        assertEquals(first.body().get("commandId"), again.body().get("commandId"));
        String threadId = first.body().get("threadId").asText();
        awaitDone(first.body().get("commandId").asText());
        HermesClient.Response late = client.postMime(mail);
        assertEquals(200, late.status(), "a redelivery after completion is still a duplicate");

        assertEquals(1, client.thread(threadId).get("commands").size());
        assertEquals(1, remote.commitsOnly("thread-" + threadId, "main").size());
    }

    @Test
    void badInputIsA4xxWithAReasonAndLeavesNoRecord() {
        byte[] mail = MimeBuilder.build(ALICE, "hermes@" + LocalHermes.EMAIL_DOMAIN, "x", "Do a thing.", null);
        assertEquals(401, client.postMime(mail, "wrong-secret-wrong-secret").status());
        HermesClient.Response stranger = client.postMime(
                MimeBuilder.build("mallory@example.com", "hermes@" + LocalHermes.EMAIL_DOMAIN, "x", "Do a thing.", null));
        assertEquals(403, stranger.status());
        assertEquals("unknown_sender", stranger.body().get("error").asText());
        HermesClient.Response garbage = client.postMime("this is not a message at all".getBytes());
        assertEquals(400, garbage.status(), garbage.body().toString());
        assertEquals(400, client.get("/api/threads/NOT-A-THREAD").status());
        assertEquals(404, client.get("/api/commands/" + "0".repeat(32)).status());
        assertEquals(401, new HermesClient(hermes.url(), "", "nope-nope-nope-nope").get("/api/commands/" + "0".repeat(32)).status());
    }

    private static JsonNode awaitDone(String commandId) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(
                () -> client.command(commandId),
                c -> List.of("SUCCEEDED", "FAILED", "TIMED_OUT").contains(c.path("status").asText())
                        && c.hasNonNull("replyId"));
    }

    /** The result reply to the message (not the "starting your workspace" note a cold start also sends). */
    private static MimeMessage awaitReplyTo(String messageId) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(
                () -> mailbox.inbox(ALICE).stream().map(Mailbox::parse)
                        .filter(m -> messageId.equals(Mailbox.header(m, "In-Reply-To"))
                                && Mailbox.header(m, "Message-ID").startsWith("<r-")).findFirst().orElse(null),
                m -> m != null);
    }

    private static byte[] replyAsAMailClientWould(MimeMessage original, String newText) throws Exception {
        MimeMessage reply = (MimeMessage) original.reply(false);
        reply.setFrom(new InternetAddress(ALICE));
        String quoted = textOf(original).lines().map(l -> "> " + l).reduce("", (a, b) -> a + b + "\n");
        reply.setText(newText + "\n\nOn Sun, 22 Nov 2026 at 08:00, Hermes <hermes@" + LocalHermes.EMAIL_DOMAIN
                + "> wrote:\n" + quoted);
        assertEquals(original.getReplyTo()[0], reply.getRecipients(Message.RecipientType.TO)[0]);
        reply.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reply.writeTo(out);
        return out.toByteArray();
    }

    static String textOf(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof String s) {
            return s;
        }
        return partOf(m, "text/plain");
    }

    static String partOf(MimeMessage m, String type) throws Exception {
        jakarta.mail.Multipart mp = (jakarta.mail.Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            if (mp.getBodyPart(i).isMimeType(type)) {
                return (String) mp.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
