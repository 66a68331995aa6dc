package dev.hermes.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.local.TestHermes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> post(String body) {
        return TestHermes.send(TestHermes.api("/api/routes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aRouteCanBeCreatedReadListedAndDeleted() throws Exception {
        HttpResponse<String> created = post("{\"key\":\"email:Carol@Example.com\",\"userId\":\"carol\",\"projects\":[\"sample\"]}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("email:carol@example.com", JSON.readTree(created.body()).get("key").asText());

        HttpResponse<String> read = TestHermes.send(TestHermes.api("/api/routes/email:carol@example.com").GET());
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("carol", JSON.readTree(read.body()).get("userId").asText());

        assertEquals(201, post("{\"key\":\"sms:+15551234567\",\"userId\":\"carol\",\"projects\":[\"sample\"]}").statusCode());
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            HttpResponse<String> response = TestHermes.send(TestHermes.api("/api/routes?limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor)).GET());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode page = JSON.readTree(response.body());
            assertTrue(page.get("routes").size() <= 1);
            page.get("routes").forEach(r -> seen.add(r.get("key").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertTrue(seen.containsAll(Set.of("email:carol@example.com", "sms:+15551234567", "email:alice@example.com")), seen.toString());
        assertTrue(seen.stream().noneMatch(k -> k.startsWith("project:")), "projects are not sender routes: " + seen);

        assertEquals(204, TestHermes.send(TestHermes.api("/api/routes/sms:%2B15551234567").DELETE()).statusCode());
        assertEquals(404, TestHermes.send(TestHermes.api("/api/routes/sms:%2B15551234567").GET()).statusCode());
        assertEquals(404, TestHermes.send(TestHermes.api("/api/routes/sms:%2B15551234567").DELETE()).statusCode());
    }

    @Test
    void badRoutesAreRefusedWithAReason() throws Exception {
        for (String body : new String[]{
                "{\"key\":\"fax:123\",\"userId\":\"carol\",\"projects\":[\"sample\"]}",
                "{\"key\":\"sms:5551234\",\"userId\":\"carol\",\"projects\":[\"sample\"]}",
                "{\"key\":\"email:carol@example.com\",\"userId\":\"Carol!\",\"projects\":[\"sample\"]}",
                "{\"key\":\"email:carol@example.com\",\"userId\":\"carol\",\"projects\":[]}",
                "{\"key\":\"email:carol@example.com\",\"userId\":\"carol\"",
                "not json"}) {
            HttpResponse<String> r = post(body);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
        }
        HttpResponse<String> unknown = post("{\"key\":\"email:dave@example.com\",\"userId\":\"dave\",\"projects\":[\"nope\"]}");
        assertEquals(422, unknown.statusCode());
        assertEquals("unknown_project", JSON.readTree(unknown.body()).get("error").asText());
        assertEquals(404, TestHermes.send(TestHermes.api("/api/routes/email:dave@example.com").GET()).statusCode());
        assertEquals(401, TestHermes.send(TestHermes.request("/api/routes").GET()).statusCode());
        assertEquals(400, TestHermes.send(TestHermes.api("/api/routes?limit=0").GET()).statusCode());
        assertEquals(400, TestHermes.send(TestHermes.api("/api/routes?cursor=%25%25").GET()).statusCode());
    }
}
