package dev.hermes.orchestrator.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.local.TestHermes;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Messages of one new conversation racing each other through parallel webhooks end in one thread. */
class ThreadRaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFirstMessageAndItsRepliesPostedInParallelShareOneThread() throws Exception {
        String root = "<" + UUID.randomUUID() + "@example.com>";
        List<byte[]> mails = new ArrayList<>();
        mails.add(withMessageId(MimeBuilder.build("alice@example.com", "hermes@hermes.localhost", "Race",
                "Start the race", null), root));
        for (int i = 0; i < 5; i++) {
            mails.add(MimeBuilder.build("alice@example.com", "hermes@hermes.localhost", "Re: Race", "Reply " + i, root));
        }
        ExecutorService pool = Executors.newFixedThreadPool(mails.size());
        Set<String> threads = new HashSet<>();
        try {
            List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
            for (byte[] mail : mails) {
                posts.add(() -> TestHermes.postMime(mail));
            }
            for (Future<HttpResponse<String>> f : pool.invokeAll(posts)) {
                HttpResponse<String> r = f.get();
                assertEquals(202, r.statusCode(), r.body());
                threads.add(JSON.readTree(r.body()).get("threadId").asText());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, threads.size(), "one thread, not " + threads);
        String thread = threads.iterator().next();
        assertEquals(mails.size(), JSON.readTree(TestHermes.send(TestHermes.api("/api/threads/" + thread).GET()).body())
                .get("commands").size());
    }

    private static byte[] withMessageId(byte[] mail, String messageId) {
        String text = new String(mail, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.replaceFirst("Message-ID: <[^>]+>", "Message-ID: " + java.util.regex.Matcher.quoteReplacement(messageId))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
