package dev.hermes.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code GET /api/metrics} of a running Hermes, as an operator would: the totals of a meter
 * over every tag set, or over those with one tag value.
 */
public final class OpsMetrics {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String apiToken;

    public OpsMetrics(String url, String apiToken) {
        this.url = url;
        this.apiToken = apiToken;
    }

    /** Waits (up to 60 s) until every meter of {@code minimums} ({@code name} or {@code name tag=value}) counts at least its minimum. */
    public void awaitCounts(Map<String, Integer> minimums) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode meters = read();
            List<String> missing = new ArrayList<>();
            minimums.forEach((meter, minimum) -> {
                double count = count(meters, meter);
                if (count < minimum) {
                    missing.add(meter + " = " + count + " < " + minimum);
                }
            });
            assertEquals(List.of(), missing, "GET /api/metrics: " + meters);
        });
    }

    private JsonNode read() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/metrics"))
                    .header("Authorization", "Bearer " + apiToken).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return JSON.readTree(response.body()).get("meters");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The summed {@code count} of the meter {@code name} or {@code name tag=value}. */
    static double count(JsonNode meters, String meter) {
        String[] parts = meter.split(" ", 2);
        String[] tag = parts.length == 2 ? parts[1].split("=", 2) : null;
        double total = 0;
        for (JsonNode m : meters) {
            boolean matches = m.get("name").asText().equals(parts[0])
                    && (tag == null || tag[1].equals(m.path("tags").path(tag[0]).asText(null)));
            if (matches && m.get("count").isNumber()) {
                total += m.get("count").asDouble();
            }
        }
        return total;
    }
}
