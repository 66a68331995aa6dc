package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code hermes.launcher.max-running=1}: work for a second container waits (its command stays queued,
 * the row is marked waiting) and starts when the first worker has gone idle and freed the slot. The cap
 * is on containers that are starting or hold a live lease; a worker process that released its lease
 * may still be exiting (it writes the class data archive on its way out) when the next one starts.
 */
class RunningCapTest {
    private static LifecycleHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = LifecycleHarness.start(LifecycleHarness.Launcher.PROCESS, Map.of("hermes.launcher.max-running", 1));
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aContainerBeyondTheCapWaitsForAFreeSlot() {
        h.addUser("nina", "sample");
        h.addUser("omar", "sample");
        double before = h.launches();
        String nina = h.send("nina", "sample", "Nina first").get("commandId").asText();
        String omar = h.send("omar", "sample", "Omar second").get("commandId").asText();
        AtomicBoolean sawWaiting = new AtomicBoolean();
        await().atMost(LifecycleHarness.DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
            int running = running("sample#nina") + running("sample#omar");
            assertTrue(running <= 1, "the cap allows one running container, saw " + running);
            if (!h.container("sample#omar").get("waitingSince").isNull()
                    && h.client.command(omar).get("status").asText().equals("QUEUED")) {
                sawWaiting.set(true);
            }
            return List.of(nina, omar).stream().allMatch(id -> h.client.command(id).get("status").asText().equals("SUCCEEDED"));
        });
        assertTrue(sawWaiting.get(), "omar waited, queued, for the slot");
        assertEquals(2, h.launches() - before);
        assertTrue(h.container("sample#omar").get("waitingSince").isNull(), "no longer waiting");
    }

    /** 1 while the container is STARTING or a worker holds its lease. */
    private static int running(String key) {
        JsonNode c = h.container(key);
        boolean leased = !c.get("lease").isNull()
                && Instant.parse(c.get("lease").get("expiresAt").asText()).isAfter(Instant.now());
        return c.get("status").asText().equals("STARTING") || leased ? 1 : 0;
    }
}
