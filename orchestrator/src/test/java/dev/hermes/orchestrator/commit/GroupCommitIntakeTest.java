package dev.hermes.orchestrator.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.local.TestHermes;
import dev.hermes.orchestrator.local.TestQueues;
import dev.hermes.protocol.id.ContainerKey;
import dev.hermes.protocol.message.CommandMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Parallel webhooks through the group committer, asserted on the tables and the queues: every
 * message durable once, on its container's FIFO queue once, in sequence order; redeliveries
 * answered as duplicates; racing messages of one conversation in one thread.
 */
class GroupCommitIntakeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parallelMessagesAreEachRecordedAndQueuedOnceInSequenceOrder() throws Exception {
        List<byte[]> mails = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            for (String from : List.of("batch1", "batch2", "batch3", "batch4", "pair1")) {
                mails.add(MimeBuilder.build(from + "@example.com", "hermes@hermes.localhost", "Parallel " + i,
                        "Parallel task " + i + " from " + from, null));
            }
        }
        List<byte[]> posts = new ArrayList<>(mails);
        // Redeliveries racing their first delivery, one for each sender (its rate limit allows ten).
        for (int i = 0; i < 5; i++) {
            posts.add(mails.get(i * 5 + i));
        }
        List<HttpResponse<String>> answers = postAll(posts);

        Map<String, List<JsonNode>> byCommand = new HashMap<>();
        for (HttpResponse<String> r : answers) {
            assertTrue(r.statusCode() == 202 || r.statusCode() == 200, r.statusCode() + " " + r.body());
            JsonNode body = JSON.readTree(r.body());
            byCommand.computeIfAbsent(body.get("commandId").asText(), k -> new ArrayList<>()).add(body);
        }
        assertEquals(mails.size(), byCommand.size(), "one command per distinct message");
        for (List<JsonNode> same : byCommand.values()) {
            assertEquals(1, same.stream().filter(b -> b.get("status").asText().equals("accepted")).count());
            assertEquals(same.size() - 1, same.stream().filter(b -> b.get("status").asText().equals("duplicate")).count());
            assertEquals(1, same.stream().map(b -> b.get("threadId").asText()).distinct().count());
        }
        for (Map.Entry<String, List<JsonNode>> e : byCommand.entrySet()) {
            String thread = e.getValue().get(0).get("threadId").asText();
            JsonNode view = api("/api/threads/" + thread);
            assertEquals(1, view.get("messageCount").asLong());
            assertEquals(e.getKey(), view.get("commands").get(0).get("commandId").asText());
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    api("/api/commands/" + e.getKey()).get("status").asText().equals("QUEUED"));
        }

        Set<String> batch = commandsOf(byCommand, "batch");
        Set<String> pair = commandsOf(byCommand, "pair");
        assertEquals(32, batch.size());
        assertEquals(8, pair.size());
        assertQueuedOnceInOrder("sample#batch", batch);
        assertQueuedOnceInOrder("sample#pair", pair);
    }

    @Test
    void racingMessagesOfSeveralConversationsEachEndInTheirOneThread() throws Exception {
        List<byte[]> posts = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            String root = "<race-" + UUID.randomUUID() + "@example.com>";
            String from = "race" + (c + 1) + "@example.com";
            posts.add(withMessageId(MimeBuilder.build(from, "hermes@hermes.localhost", "Race " + c, "Start " + c, null), root));
            for (int r = 0; r < 2; r++) {
                posts.add(MimeBuilder.build(from, "hermes@hermes.localhost", "Re: Race " + c, "Reply " + r, root));
            }
        }
        Set<String> threads = new HashSet<>();
        for (HttpResponse<String> r : postAll(posts)) {
            assertEquals(202, r.statusCode(), r.body());
            threads.add(JSON.readTree(r.body()).get("threadId").asText());
        }
        assertEquals(4, threads.size(), "one thread per conversation: " + threads);
        for (String thread : threads) {
            JsonNode view = api("/api/threads/" + thread);
            assertEquals(3, view.get("commands").size());
            assertEquals(3, view.get("messageCount").asLong());
        }
    }

    private static List<HttpResponse<String>> postAll(List<byte[]> posts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (byte[] mail : posts) {
                calls.add(() -> TestHermes.postMime(mail));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<String> commandsOf(Map<String, List<JsonNode>> byCommand, String user) throws Exception {
        Set<String> out = new HashSet<>();
        for (String id : byCommand.keySet()) {
            if (api("/api/commands/" + id).get("containerKey").asText().equals("sample#" + user)) {
                out.add(id);
            }
        }
        return out;
    }

    /** Reads the container's whole input queue: each command once, sequences rising in queue order. */
    private static void assertQueuedOnceInOrder(String containerKey, Set<String> expected) throws Exception {
        String queue = TestHermes.get().context().getBean(ContainerStore.class).find(ContainerKey.parse(containerKey))
                .orElseThrow().queues().in();
        List<CommandMessage> seen = TestQueues.drain(queue, expected.size());
        assertEquals(expected, Set.copyOf(seen.stream().map(m -> m.commandId().value()).toList()));
        assertEquals(expected.size(), seen.size(), "no command twice");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).sequence() > seen.get(i - 1).sequence(), "queue order is sequence order: " + seen.stream()
                    .map(CommandMessage::sequence).toList());
        }
        for (CommandMessage m : seen) {
            assertEquals(m.sequence(), api("/api/commands/" + m.commandId().value()).get("sequence").asLong());
        }
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> r = TestHermes.send(TestHermes.api(path).GET());
        assertEquals(200, r.statusCode(), path + " " + r.body());
        return JSON.readTree(r.body());
    }

    private static byte[] withMessageId(byte[] mail, String messageId) {
        String text = new String(mail, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.replaceFirst("Message-ID: <[^>]+>", java.util.regex.Matcher.quoteReplacement("Message-ID: " + messageId))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
