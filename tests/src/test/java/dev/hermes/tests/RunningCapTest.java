package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code hermes.launcher.max-running=1}: work for a second container waits (its command stays queued,
 * the row is marked waiting) and starts when the first worker has gone idle and freed the slot.
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
            int live = h.workers("sample#nina").size() + h.workers("sample#omar").size();
            assertTrue(live <= 1, "the cap allows one worker, saw " + live);
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
}
