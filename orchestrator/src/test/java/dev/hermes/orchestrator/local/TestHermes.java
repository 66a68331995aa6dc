package dev.hermes.orchestrator.local;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One local Hermes for all orchestrator tests of a JVM, without workers: the intake, the tables
 * and the queues are real; launches fail quietly and commands stay queued.
 */
public final class TestHermes {
    private static LocalHermes instance;

    private TestHermes() {
    }

    public static synchronized LocalHermes get() {
        if (instance == null) {
            try {
                Path root = Files.createTempDirectory("hermes-orchestrator-test");
                Path seed = Path.of(TestHermes.class.getResource("/test-seed.yml").toURI());
                // No worker can start here: the reaper would only retry launches that cannot succeed.
                instance = LocalHermes.start(LocalOptions.forTests(root, seed, root.resolve("no-worker.jar"), 5),
                        java.util.Map.of("hermes.reaper.enabled", false));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        instance.close();
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start local Hermes", e);
            }
        }
        return instance;
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpRequest.Builder api(String path) {
        return request(path).header("Authorization", "Bearer " + get().property("apiToken"));
    }

    public static HttpRequest.Builder request(String path) {
        try {
            return HttpRequest.newBuilder(new URI(get().url() + path));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static HttpResponse<String> postMime(byte[] mime) {
        return send(request("/webhooks/email/mime").header("Content-Type", "message/rfc822")
                .header("X-Hermes-Secret", get().property("mimeSecret"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(mime)));
    }
}
