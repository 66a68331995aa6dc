package dev.hermes.orchestrator.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.cli.MimeBuilder;
import dev.hermes.orchestrator.local.TestHermes;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A thread never crosses users: another user's plus-address, token or reply headers start a new thread. */
class CrossUserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void signalsPointingAtAnotherUsersThreadAreIgnoredAndCounted() throws Exception {
        JsonNode alice = accept(MimeBuilder.build("alice@example.com", "hermes@hermes.localhost", "Mine", "Alice's work", null));
        String aliceThread = alice.get("threadId").asText();
        MeterRegistry meters = TestHermes.get().context().getBean(MeterRegistry.class);
        double before = meters.counter("hermes.thread.foreign_signal", "signal", "PLUS_ADDRESS").count();

        JsonNode bob = accept(MimeBuilder.build("bob@example.com", "hermes+" + aliceThread + "@hermes.localhost",
                "Re: Mine", "Bob barges in [hermes:" + aliceThread + "]", null));

        assertNotEquals(aliceThread, bob.get("threadId").asText());
        assertEquals("NEW", bob.get("signal").asText());
        assertEquals(before + 1, meters.counter("hermes.thread.foreign_signal", "signal", "PLUS_ADDRESS").count());
        assertTrue(meters.counter("hermes.thread.foreign_signal", "signal", "TOKEN").count() >= 1);
        JsonNode thread = JSON.readTree(TestHermes.send(TestHermes.api("/api/threads/" + aliceThread).GET()).body());
        assertEquals(1, thread.get("commands").size(), "alice's thread is untouched");
        assertEquals("alice", thread.get("userId").asText());
    }

    @Test
    void anUnknownProjectOrSenderIs403AndNoReply() throws Exception {
        HttpResponse<String> stranger = TestHermes.postMime(
                MimeBuilder.build("eve@example.com", "hermes@hermes.localhost", "x", "Do it", null));
        assertEquals(403, stranger.statusCode());
        assertEquals("unknown_sender", JSON.readTree(stranger.body()).get("error").asText());
    }

    private static JsonNode accept(byte[] mail) throws Exception {
        HttpResponse<String> r = TestHermes.postMime(mail);
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }
}
