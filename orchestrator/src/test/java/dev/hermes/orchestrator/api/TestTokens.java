package dev.hermes.orchestrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.local.TestHermes;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;

/** One stored token per role on the shared test Hermes, made through the API with the bootstrap token. */
final class TestTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

    private TestTokens() {
    }

    static synchronized String of(Role role) {
        return TOKENS.computeIfAbsent(role, r -> create("test-" + r.wireName(), r));
    }

    static String create(String name, Role role) {
        HttpResponse<String> created = TestHermes.send(TestHermes.api("/api/tokens").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"role\":\"" + role.wireName() + "\"}")));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create a token: " + created.statusCode() + " " + created.body());
        }
        return read(created.body()).get("token").asText();
    }

    static HttpRequest.Builder as(Role role, String path) {
        return TestHermes.request(path).header("Authorization", "Bearer " + of(role));
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }
}
