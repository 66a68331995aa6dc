package dev.hermes.orchestrator.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

/**
 * The management API of the running local Hermes named by its instance file, with its admin token
 * ({@code apiToken}). Every POST carries a fresh {@code Idempotency-Key}, so a retried command never
 * makes a second token.
 */
final class InstanceApi {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Properties instance;

    InstanceApi(Properties instance) {
        this.instance = instance;
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(instance.getProperty("url") + path))
                .header("Authorization", "Bearer " + instance.getProperty("apiToken"));
        if ("POST".equals(method)) {
            b.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String url() {
        return instance.getProperty("url");
    }
}
