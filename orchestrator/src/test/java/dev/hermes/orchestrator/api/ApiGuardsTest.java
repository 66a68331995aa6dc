package dev.hermes.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.local.LocalHermes;
import dev.hermes.orchestrator.local.LocalOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An instance of its own, with a tiny rate limit and an endpoint that declares no role: each token's
 * requests beyond its burst get 429 with {@code Retry-After}, per token; the undeclared endpoint refuses
 * even an admin (fail closed).
 */
class ApiGuardsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalHermes hermes;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createTempDirectory("hermes-guards-test");
        Path seed = Path.of(ApiGuardsTest.class.getResource("/test-seed.yml").toURI());
        hermes = LocalHermes.start(LocalOptions.forTests(root, seed, root.resolve("no-worker.jar"), 5), Map.of(
                "hermes.api.burst", 5, "hermes.api.per-minute", 1, UndeclaredRoleController.ENABLED, true));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hermes != null) {
            hermes.close();
        }
    }

    @Test
    void aTokenPastItsBurstIsToldWhenToComeBack() throws Exception {
        String bootstrap = hermes.property("apiToken");
        String token = JSON.readTree(send(bootstrap, "POST", "/api/tokens", "{\"name\":\"limited\",\"role\":\"viewer\"}").body())
                .get("token").asText();
        String other = JSON.readTree(send(bootstrap, "POST", "/api/tokens", "{\"name\":\"other\",\"role\":\"viewer\"}").body())
                .get("token").asText();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, send(token, "GET", "/api/whoami", null).statusCode(), "request " + (i + 1) + " of the burst");
        }
        HttpResponse<String> limited = send(token, "GET", "/api/whoami", null);
        assertEquals(429, limited.statusCode(), limited.body());
        assertEquals("rate_limited", JSON.readTree(limited.body()).get("error").asText());
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(200, send(other, "GET", "/api/whoami", null).statusCode(), "the limit is per token");
    }

    @Test
    void anEndpointWithoutARoleRefusesEveryToken() throws Exception {
        String admin = JSON.readTree(send(hermes.property("apiToken"), "POST", "/api/tokens",
                "{\"name\":\"admin2\",\"role\":\"admin\"}").body()).get("token").asText();
        HttpResponse<String> r = send(admin, "GET", UndeclaredRoleController.PATH, null);
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("declares no role"), r.body());
    }

    private static HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hermes.url() + path)).header("Authorization", "Bearer " + token);
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
