package dev.hermes.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.local.TestHermes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code Idempotency-Key} on POST: the stored response again, 422 for another body, kept per token and sealed. */
class IdempotencyTest {
    private static HttpResponse<String> post(Role role, String path, String key, String body) {
        return TestHermes.send(TestTokens.as(role, path).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theSameKeyAndBodyGetTheStoredResponseAndDoNothingTwice() {
        String key = UUID.randomUUID().toString();
        String body = ProjectsApiTest.project("idem-one", "");
        HttpResponse<String> first = post(Role.OPERATOR, "/api/projects", key, body);
        assertEquals(201, first.statusCode(), first.body());
        assertTrue(first.headers().firstValue("Idempotent-Replayed").isEmpty());

        HttpResponse<String> again = post(Role.OPERATOR, "/api/projects", key, body);
        assertEquals(201, again.statusCode(), "not 409: the stored answer, " + again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(TestTokens.read(first.body()), TestTokens.read(again.body()));

        HttpResponse<String> other = post(Role.OPERATOR, "/api/projects", key, ProjectsApiTest.project("idem-two", ""));
        assertEquals(422, other.statusCode(), other.body());
        assertEquals("idempotency_key_reused", TestTokens.read(other.body()).get("error").asText());
        assertEquals(404, ProjectsApiTest.send(Role.VIEWER, "GET", "/api/projects/idem-two", null).statusCode());

        // Keys belong to a token: the same key from another caller is another request.
        HttpResponse<String> admin = post(Role.ADMIN, "/api/projects", key, body);
        assertEquals(409, admin.statusCode(), "ran, and found the project: " + admin.body());
    }

    @Test
    void aRejectedRequestIsStoredTooAndABadKeyNamesTheHeader() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> bad = post(Role.OPERATOR, "/api/projects", key, "{\"projectId\":\"idem-bad\"}");
        assertEquals(400, bad.statusCode());
        HttpResponse<String> again = post(Role.OPERATOR, "/api/projects", key, "{\"projectId\":\"idem-bad\"}");
        assertEquals(400, again.statusCode());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));

        HttpResponse<String> badKey = post(Role.OPERATOR, "/api/projects", "a key with spaces", ProjectsApiTest.project("idem-x", ""));
        assertEquals(400, badKey.statusCode());
        assertEquals("Idempotency-Key", TestTokens.read(badKey.body()).get("field").asText());
    }

    @Test
    void aTokenShownOnceIsReplayedFromASealedRecord() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"idem-token\",\"role\":\"viewer\"}";
        HttpResponse<String> first = post(Role.ADMIN, "/api/tokens", key, body);
        assertEquals(201, first.statusCode(), first.body());
        String token = TestTokens.read(first.body()).get("token").asText();
        HttpResponse<String> again = post(Role.ADMIN, "/api/tokens", key, body);
        assertEquals(token, TestTokens.read(again.body()).get("token").asText(), "the same token, not a second one");

        DynamoDbClient dynamo = TestHermes.get().context().getBean(DynamoDbClient.class);
        String table = TestHermes.get().context().getBean(TablesConfig.class).names().idempotency();
        String dump = dynamo.scan(b -> b.tableName(table)).items().toString();
        assertTrue(dump.contains("hs1."), "the stored body is sealed");
        assertFalse(dump.contains(token), "no token in clear in the idempotency table");
        assertNull(first.headers().firstValue("Idempotent-Replayed").orElse(null));
    }
}
