package dev.hermes.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The HTTP side of a running Hermes: webhooks in, the read API out. */
final class HermesClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String mimeSecret;
    private final String apiToken;

    HermesClient(String url, String mimeSecret, String apiToken) {
        this.url = url;
        this.mimeSecret = mimeSecret;
        this.apiToken = apiToken;
    }

    record Response(int status, JsonNode body) {
    }

    Response postMime(byte[] mime) {
        return send(HttpRequest.newBuilder(URI.create(url + "/webhooks/email/mime"))
                .header("Content-Type", "message/rfc822")
                .header("X-Hermes-Secret", mimeSecret)
                .POST(HttpRequest.BodyPublishers.ofByteArray(mime)).build());
    }

    Response postMime(byte[] mime, String secret) {
        return send(HttpRequest.newBuilder(URI.create(url + "/webhooks/email/mime"))
                .header("Content-Type", "message/rfc822")
                .header("X-Hermes-Secret", secret)
                .POST(HttpRequest.BodyPublishers.ofByteArray(mime)).build());
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + apiToken)
                .GET().build());
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + apiToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    JsonNode command(String commandId) {
        return get("/api/commands/" + commandId).body();
    }

    JsonNode thread(String threadId) {
        return get("/api/threads/" + threadId).body();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
