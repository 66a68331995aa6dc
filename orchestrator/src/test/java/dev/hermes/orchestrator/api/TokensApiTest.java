package dev.hermes.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.config.TablesConfig;
import dev.hermes.orchestrator.local.TestHermes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code /api/tokens}: made by admins, shown once, stored as a hash, refused once revoked. */
class TokensApiTest {
    private static HttpResponse<String> whoami(String token) {
        return TestHermes.send(TestHermes.request("/api/whoami").header("Authorization", "Bearer " + token).GET());
    }

    @Test
    void aTokenWorksWithItsRoleUntilRevoked() {
        HttpResponse<String> created = TestHermes.send(TestHermes.api("/api/tokens").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ci bot\",\"role\":\"operator\"}")));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = TestTokens.read(created.body());
        String token = body.get("token").asText();
        String id = body.get("tokenId").asText();
        assertTrue(token.startsWith("hrm_") && token.length() > 40, token.length() + "");
        assertEquals("bootstrap", body.get("createdBy").asText());

        JsonNode me = TestTokens.read(whoami(token).body());
        assertEquals("operator", me.get("role").asText());
        assertEquals(id, me.get("tokenId").asText());

        HttpResponse<String> read = TestHermes.send(TestHermes.api("/api/tokens/" + id).GET());
        assertFalse(read.body().contains(token), "the token is shown once");
        assertFalse(listAll().toString().contains(token));
        DynamoDbClient dynamo = TestHermes.get().context().getBean(DynamoDbClient.class);
        String table = TestHermes.get().context().getBean(TablesConfig.class).names().tokens();
        String dump = dynamo.scan(b -> b.tableName(table)).items().toString();
        assertFalse(dump.contains(token), "stored by hash only");
        assertTrue(dump.contains(dev.hermes.orchestrator.auth.TokenHash.of(token)));

        assertEquals(204, TestHermes.send(TestHermes.api("/api/tokens/" + id).DELETE()).statusCode());
        assertEquals(401, whoami(token).statusCode(), "revoked at once on this instance");
        JsonNode revoked = TestTokens.read(TestHermes.send(TestHermes.api("/api/tokens/" + id).GET()).body());
        assertTrue(revoked.get("revoked").asBoolean());
        assertEquals(404, TestHermes.send(TestHermes.api("/api/tokens/0000000000000000").DELETE()).statusCode());
    }

    @Test
    void badTokenRequestsNameTheField() {
        for (String[] c : List.of(new String[]{"{\"name\":\"x\",\"role\":\"root\"}", "role"},
                new String[]{"{\"role\":\"viewer\"}", "name"}, new String[]{"{\"name\":\"\",\"role\":\"viewer\"}", "name"})) {
            HttpResponse<String> r = TestHermes.send(TestHermes.api("/api/tokens").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(c[0])));
            assertEquals(400, r.statusCode(), r.body());
            assertEquals(c[1], TestTokens.read(r.body()).get("field").asText());
        }
        assertEquals(401, whoami("hrm_not-a-token").statusCode());
        assertEquals(401, TestHermes.send(TestHermes.request("/api/whoami").header("Authorization", "Basic eDp5").GET()).statusCode());
    }

    private static List<JsonNode> listAll() {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> r = TestHermes.send(TestHermes.api("/api/tokens?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).GET());
            JsonNode page = TestTokens.read(r.body());
            page.get("tokens").forEach(all::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }
}
